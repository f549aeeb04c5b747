#!/usr/bin/env python
"""Train the SqueezeNet 1.1 of the network-visualization notebook (Part 3) and write
``assignment/data/netvis/``:

- ``squeezenet.keras``  the trained Keras model (standard layers only)
- ``squeezenet.json``   class names, preprocessing mean and std, seed, data sizes, epochs,
                        training time and held-out accuracy
- ``heldout.npz``       the first HELDOUT_SHIPPED held-out pictures with labels and masks

Data: the shapes of ``netvis_shapes.py`` (64x64, 5 classes), NUM_TRAIN training pictures
from seed SEED and NUM_HELDOUT held-out pictures from seed SEED + 1 (never trained on).
Model: ``solutions/cs231n/classifiers/squeezenet.py`` (the code the students get).
Deterministic on one CPU thread (seeded, op determinism on). Run from the repository root:

    nice -n 10 .venv/bin/python assignment/scripts/train_squeezenet.py
"""

import argparse
import json
import os
import sys
import time

os.environ.setdefault("TF_NUM_INTRAOP_THREADS", "1")
os.environ.setdefault("TF_NUM_INTEROP_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(REPO, "solutions"))

import netvis_shapes  # noqa: E402

SEED = 231
NUM_TRAIN = 12000
NUM_HELDOUT = 1000
HELDOUT_SHIPPED = 100
EPOCHS = 10
BATCH = 64
LEARNING_RATE = 2e-3
OUT = os.path.join(REPO, "assignment", "data", "netvis")


def save_model(model, path):
    """Save the trained model without its optimizer state (an uncompiled copy): about 3 MB."""
    from cs231n.classifiers.squeezenet import SqueezeNet

    export = SqueezeNet(model.output_shape[-1], input_shape=model.input_shape[1:])
    export.set_weights(model.get_weights())
    export.save(path)


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    ap.add_argument("--num-train", type=int, default=NUM_TRAIN)
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args(argv)

    import tensorflow as tf
    import keras

    tf.config.threading.set_intra_op_parallelism_threads(1)
    tf.config.threading.set_inter_op_parallelism_threads(1)
    keras.utils.set_random_seed(SEED)
    tf.config.experimental.enable_op_determinism()
    from cs231n.classifiers.squeezenet import SqueezeNet

    start = time.time()
    x_train, _, y_train = netvis_shapes.make_split(SEED, args.num_train)
    x_held, m_held, y_held = netvis_shapes.make_split(SEED + 1, NUM_HELDOUT)
    render_s = time.time() - start
    print(f"rendered {len(x_train)} + {len(x_held)} pictures in {render_s:.0f} s", flush=True)
    mean = (x_train / 255.0).mean(axis=(0, 1, 2))
    std = (x_train / 255.0).std(axis=(0, 1, 2))

    def prep(x):
        return ((x.astype(np.float32) / 255.0 - mean) / std).astype(np.float32)

    model = SqueezeNet(len(netvis_shapes.CLASSES))
    steps = args.epochs * int(np.ceil(args.num_train / BATCH))
    schedule = keras.optimizers.schedules.CosineDecay(LEARNING_RATE, steps)
    model.compile(
        optimizer=keras.optimizers.Adam(schedule),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        metrics=["accuracy"],
    )
    t0 = time.time()
    model.fit(
        prep(x_train),
        y_train,
        batch_size=BATCH,
        epochs=args.epochs,
        shuffle=True,
        verbose=2,
        validation_data=(prep(x_held[:200]), y_held[:200]),
    )
    train_s = time.time() - t0
    scores = model.predict(prep(x_held), batch_size=200, verbose=0)
    acc = float(np.mean(scores.argmax(1) == y_held))
    print(f"held-out accuracy {acc:.4f} on {NUM_HELDOUT}; training {train_s:.0f} s", flush=True)

    os.makedirs(args.out, exist_ok=True)
    save_model(model, os.path.join(args.out, "squeezenet.keras"))
    info = {
        "class_names": netvis_shapes.CLASSES,
        "input_shape": [netvis_shapes.SIZE, netvis_shapes.SIZE, 3],
        "mean": [round(float(v), 6) for v in mean],
        "std": [round(float(v), 6) for v in std],
        "seed": SEED,
        "num_train": args.num_train,
        "num_heldout": NUM_HELDOUT,
        "epochs": args.epochs,
        "batch_size": BATCH,
        "learning_rate": LEARNING_RATE,
        "optimizer": "Adam, cosine decay",
        "heldout_accuracy": round(acc, 4),
        "training_seconds": round(train_s),
        "rendering_seconds": round(render_s),
        "script": "assignment/scripts/train_squeezenet.py",
    }
    with open(os.path.join(args.out, "squeezenet.json"), "w") as f:
        json.dump(info, f, indent=2)
        f.write("\n")
    n = HELDOUT_SHIPPED
    np.savez_compressed(os.path.join(args.out, "heldout.npz"), images=x_held[:n], labels=y_held[:n], masks=m_held[:n])
    print("wrote", args.out)


if __name__ == "__main__":
    main()
