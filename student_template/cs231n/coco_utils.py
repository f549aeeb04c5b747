"""Loading the captioning data (CS231n 2017 assignment 3 layout).

The data folder holds, exactly as the original Microsoft COCO files distributed with
CS231n:

- ``coco2014_captions.h5``: ``train_captions`` / ``val_captions`` (int32, (N_cap, 17),
  word indices ``<START> w1 ... <END> <NULL> ...``) and ``train_image_idxs`` /
  ``val_image_idxs`` (int32, (N_cap,), the image of each caption)
- ``train2014_vgg16_fc7_pca.h5`` / ``val2014_vgg16_fc7_pca.h5``: dataset ``features``,
  float32 (N_img, 512) (``train2014_vgg16_fc7.h5`` / ``val2014_vgg16_fc7.h5``: 4096-d
  features without PCA, only in the real COCO download)
- ``coco2014_vocab.json``: ``idx_to_word`` (list) and ``word_to_idx`` (dict); ``<NULL>`` = 0,
  ``<START>`` = 1, ``<END>`` = 2, ``<UNK>`` = 3
- ``train2014_urls.txt`` / ``val2014_urls.txt``: one line per image (a Flickr URL for
  COCO, an identifier such as ``scene:train:000123`` for the shipped synthetic scenes)
- optional, only for the shipped data: ``train2014_images.h5`` / ``val2014_images.h5``
  (dataset ``images``, uint8 (N_img, H, W, 3)), the pictures themselves, since there are no
  URLs to fetch them from.

Where the data is looked for (``BASE_DIR``): the environment variable ``CS231N_COCO_DIR``
if it is set (point it at a folder with the real COCO files to use them), otherwise the
first existing folder of ``<folder containing the cs231n package>/datasets/coco_captioning``
and ``<repository>/assignment/data/coco_captioning``.
"""
import json
import os

import h5py
import numpy as np

_PKG_PARENT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_CANDIDATE_DIRS = [
    os.path.join(_PKG_PARENT, 'datasets', 'coco_captioning'),
    os.path.join(os.path.dirname(_PKG_PARENT), 'assignment', 'data', 'coco_captioning'),
]


def _default_base_dir():
    """The data folder: $CS231N_COCO_DIR, else the first existing candidate folder (else
    the first candidate, so that error messages name a sensible path)."""
    env = os.environ.get('CS231N_COCO_DIR')
    if env:
        return env
    for d in _CANDIDATE_DIRS:
        if os.path.isdir(d):
            return d
    return _CANDIDATE_DIRS[0]


BASE_DIR = _default_base_dir()


def _require(path):
    if not os.path.exists(path):
        raise FileNotFoundError(
            f'Captioning data file not found: {path}\n'
            'Set the environment variable CS231N_COCO_DIR (or pass base_dir=...) to the '
            'folder that holds the captioning data.')
    return path


def load_coco_data(base_dir=BASE_DIR, max_train=None, pca_features=True):
    """Load the captioning data set.

    Inputs:
    - base_dir: folder with the data files (see the module docstring)
    - max_train: if not None, keep only max_train training captions, drawn at random
      with replacement using np.random (as the original; seed np.random for
      reproducibility). Image features, URLs and images are kept whole, since captions
      refer to images by index.
    - pca_features: True reads the 512-d PCA features ``{split}2014_vgg16_fc7_pca.h5``;
      False reads ``{split}2014_vgg16_fc7.h5`` (4096-d, only in the real COCO download;
      raises FileNotFoundError naming the file if it is missing)

    Returns a dict with:
    - train_captions: int32 (N_train_cap, T) word indices (T = 17)
    - train_image_idxs: int32 (N_train_cap,), the image of each caption, in [0, N_train_img)
    - val_captions: int32 (N_val_cap, T)
    - val_image_idxs: int32 (N_val_cap,)
    - train_features: float32 (N_train_img, D), D = 512 with PCA (4096 without)
    - val_features: float32 (N_val_img, D)
    - idx_to_word: list of V strings; word_to_idx: dict string -> int
    - train_urls: (N_train_img,) array of strings; val_urls: (N_val_img,)
    - train_images, val_images: uint8 (N_img, H, W, 3), loaded into memory, present only
      when ``{split}2014_images.h5`` exists (the shipped synthetic data; not in real COCO)
    """
    data = {}
    caption_file = _require(os.path.join(base_dir, 'coco2014_captions.h5'))
    with h5py.File(caption_file, 'r') as f:
        for k, v in f.items():
            data[k] = np.asarray(v)

    suffix = '_pca' if pca_features else ''
    for split in ('train', 'val'):
        feat_file = _require(os.path.join(base_dir, f'{split}2014_vgg16_fc7{suffix}.h5'))
        with h5py.File(feat_file, 'r') as f:
            data[f'{split}_features'] = np.asarray(f['features'])

    dict_file = _require(os.path.join(base_dir, 'coco2014_vocab.json'))
    with open(dict_file, 'r') as f:
        dict_data = json.load(f)
        for k, v in dict_data.items():
            data[k] = v

    for split in ('train', 'val'):
        url_file = _require(os.path.join(base_dir, f'{split}2014_urls.txt'))
        with open(url_file, 'r') as f:
            data[f'{split}_urls'] = np.asarray([line.strip() for line in f])

    for split in ('train', 'val'):
        image_file = os.path.join(base_dir, f'{split}2014_images.h5')
        if os.path.exists(image_file):
            with h5py.File(image_file, 'r') as f:
                data[f'{split}_images'] = np.asarray(f['images'])

    # Maybe subsample the training data
    if max_train is not None:
        num_train = data['train_captions'].shape[0]
        mask = np.random.randint(num_train, size=max_train)
        data['train_captions'] = data['train_captions'][mask]
        data['train_image_idxs'] = data['train_image_idxs'][mask]

    return data


def decode_captions(captions, idx_to_word):
    """Turn word indices into strings.

    Inputs:
    - captions: integer array (N, T) or (T,) of word indices
    - idx_to_word: list (or dict int -> str) mapping indices to words

    Returns a list of N strings (or one string for a 1-D input). Each keeps the words up
    to and including the first <END> (so <START> and <END> appear, as in the original);
    <NULL> tokens are skipped.
    """
    singleton = False
    captions = np.asarray(captions)
    if captions.ndim == 1:
        singleton = True
        captions = captions[None]
    decoded = []
    N, T = captions.shape
    for i in range(N):
        words = []
        for t in range(T):
            word = idx_to_word[int(captions[i, t])]
            if word != '<NULL>':
                words.append(word)
            if word == '<END>':
                break
        decoded.append(' '.join(words))
    if singleton:
        decoded = decoded[0]
    return decoded


def sample_coco_minibatch(data, batch_size=100, split='train'):
    """Sample a random minibatch of captions (with replacement, using np.random).

    Inputs:
    - data: dict from load_coco_data
    - batch_size: number of captions N
    - split: 'train' or 'val'

    Returns a tuple (captions, image_features, urls):
    - captions: int32 (N, T) word indices
    - image_features: float32 (N, D), the features of each caption's image
    - urls: (N,) array of strings, the URL (or identifier) of each caption's image
    """
    split_size = data['%s_captions' % split].shape[0]
    mask = np.random.choice(split_size, batch_size)
    captions = data['%s_captions' % split][mask]
    image_idxs = data['%s_image_idxs' % split][mask]
    image_features = data['%s_features' % split][image_idxs]
    urls = data['%s_urls' % split][image_idxs]
    return captions, image_features, urls


def get_image(data, split, image_idx):
    """The picture of one image (replaces image_utils.image_from_url, as the shipped
    scenes have no URL).

    Inputs:
    - data: dict from load_coco_data
    - split: 'train' or 'val'
    - image_idx: integer index of the image (as in ``{split}_image_idxs``), or an
      identifier string as found in ``{split}_urls`` (e.g. 'scene:train:000123')

    Returns the image, uint8 array (H, W, 3).

    Raises KeyError if the data has no pictures (the real COCO data only has URLs: fetch
    those with image_utils.image_from_url).
    """
    key = '%s_images' % split
    if key not in data:
        raise KeyError(f"The data has no '{key}' (real COCO data only has URLs; use "
                       "image_utils.image_from_url on data['%s_urls'])" % split)
    if isinstance(image_idx, str):
        matches = np.flatnonzero(data['%s_urls' % split] == image_idx)
        if len(matches) == 0:
            raise KeyError(f'no image {image_idx!r} in the {split} split')
        image_idx = int(matches[0])
    return data[key][int(image_idx)]
