"""SqueezeNet 1.1 (Iandola et al., 2016) in Keras, for small pictures: the classifier of
the network-visualization notebook. Given code: nothing to fill in here.

Layout (input (N, 64, 64, 3), preprocessed with ``cs231n.netvis_utils.preprocess_image``):

    conv1 3x3/2, 64, BN, ReLU -> maxpool 3x3/2
    fire2 (16, 64+64), fire3 (16, 64+64) -> maxpool 3x3/2
    fire4 (32, 128+128), fire5 (32, 128+128) -> maxpool 3x3/2
    fire6 (48, 192+192), fire7 (48, 192+192), fire8 (64, 256+256), fire9 (64, 256+256)
    dropout 0.5 -> conv10 1x1, num_classes -> global average pool -> scores (N, num_classes)

A fire module squeezes its input with a 1x1 convolution (s channels, batch-normalised, the
only change from the paper: it lets the network train from scratch in minutes) and expands
it with a 1x1 and a 3x3 convolution whose outputs are concatenated. The scores are
unnormalised (no softmax, and no ReLU after conv10, so every class score can grow).

The trained weights and the class names ship in ``datasets/netvis/`` (see
``cs231n.netvis_utils.load_squeezenet``).
"""
import keras
from keras import layers

FIRE_MODULES = [  # (name, squeeze channels, expand channels of each branch), pools after fire3 and fire5
    ("fire2", 16, 64), ("fire3", 16, 64),
    ("fire4", 32, 128), ("fire5", 32, 128),
    ("fire6", 48, 192), ("fire7", 48, 192), ("fire8", 64, 256), ("fire9", 64, 256),
]
POOL_AFTER = ("fire3", "fire5")


def fire_module(x, name, squeeze, expand):
    """Fire module: squeeze (1x1, BN, ReLU), then expand 1x1 and 3x3 (ReLU), concatenated.
    x: (N, H, W, C) -> (N, H, W, 2 * expand)."""
    s = layers.Conv2D(squeeze, 1, use_bias=False, name=f"{name}_squeeze")(x)
    s = layers.BatchNormalization(name=f"{name}_squeeze_bn")(s)
    s = layers.ReLU(name=f"{name}_squeeze_relu")(s)
    e1 = layers.Conv2D(expand, 1, activation="relu", name=f"{name}_expand1x1")(s)
    e3 = layers.Conv2D(expand, 3, padding="same", activation="relu", name=f"{name}_expand3x3")(s)
    return layers.Concatenate(axis=-1, name=f"{name}_concat")([e1, e3])


def SqueezeNet(num_classes, input_shape=(64, 64, 3)):
    """A Keras functional model: images (N, H, W, 3) -> class scores (N, num_classes)."""
    inputs = keras.Input(shape=input_shape, name="image")
    x = layers.Conv2D(64, 3, strides=2, use_bias=False, name="conv1")(inputs)
    x = layers.BatchNormalization(name="conv1_bn")(x)
    x = layers.ReLU(name="conv1_relu")(x)
    x = layers.MaxPooling2D(3, strides=2, name="pool1")(x)
    for name, squeeze, expand in FIRE_MODULES:
        x = fire_module(x, name, squeeze, expand)
        if name in POOL_AFTER:
            x = layers.MaxPooling2D(3, strides=2, name=f"pool_{name}")(x)
    x = layers.Dropout(0.5, name="dropout")(x)
    x = layers.Conv2D(num_classes, 1, name="conv10")(x)
    scores = layers.GlobalAveragePooling2D(name="scores")(x)
    return keras.Model(inputs, scores, name="squeezenet")
