"""The shipped captioning data (assignment/data/coco_captioning) has the original CS231n
COCO layout, loads through solutions/cs231n/coco_utils.py, is internally consistent,
small, and is reproduced by its seeded generator script."""

import importlib.util
import os
import subprocess
import sys

import h5py
import numpy as np
import pytest

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA_DIR = os.path.join(REPO, 'assignment', 'data', 'coco_captioning')
SCRIPT = os.path.join(REPO, 'assignment', 'scripts', 'make_captioning_data.py')
LOADER = os.path.join(REPO, 'solutions', 'cs231n', 'coco_utils.py')
MAX_BYTES = 25 * 1024 * 1024
T = 17


def _load_module(name, path):
    # Loaded by path under a private name, so this does not interfere with whichever
    # `cs231n` package other tests import.
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


coco_utils = _load_module('_coco_utils_under_test', LOADER)
gen = _load_module('_make_captioning_data_under_test', SCRIPT)


@pytest.fixture(scope='module')
def data():
    return coco_utils.load_coco_data(base_dir=DATA_DIR)


def test_files_in_original_layout():
    names = [
        'coco2014_captions.h5',
        'coco2014_vocab.json',
        'train2014_vgg16_fc7_pca.h5',
        'val2014_vgg16_fc7_pca.h5',
        'train2014_urls.txt',
        'val2014_urls.txt',
        'train2014_images.h5',
        'val2014_images.h5',
    ]
    for name in names:
        assert os.path.isfile(os.path.join(DATA_DIR, name)), name
    with h5py.File(os.path.join(DATA_DIR, 'coco2014_captions.h5'), 'r') as f:
        assert sorted(f.keys()) == ['train_captions', 'train_image_idxs', 'val_captions', 'val_image_idxs']
    for split in ('train', 'val'):
        with h5py.File(os.path.join(DATA_DIR, f'{split}2014_vgg16_fc7_pca.h5'), 'r') as f:
            assert list(f.keys()) == ['features']


def test_keys_dtypes_shapes(data):
    expected = {
        'train_captions',
        'train_image_idxs',
        'val_captions',
        'val_image_idxs',
        'train_features',
        'val_features',
        'idx_to_word',
        'word_to_idx',
        'train_urls',
        'val_urls',
        'train_images',
        'val_images',
    }
    assert set(data) == expected
    for split in ('train', 'val'):
        caps, idxs = data[f'{split}_captions'], data[f'{split}_image_idxs']
        feats, urls, ims = data[f'{split}_features'], data[f'{split}_urls'], data[f'{split}_images']
        assert caps.dtype == np.int32 and caps.ndim == 2 and caps.shape[1] == T
        assert idxs.dtype == np.int32 and idxs.shape == (caps.shape[0],)
        n_img = feats.shape[0]
        assert feats.dtype == np.float32 and feats.shape == (n_img, 512)
        assert np.all(np.isfinite(feats))
        assert feats.std() > 0.01
        assert urls.shape == (n_img,) and len(set(urls)) == n_img
        assert urls[0] == f'scene:{split}:000000'
        assert ims.dtype == np.uint8 and ims.shape[0] == n_img and ims.shape[3] == 3
        assert idxs.min() >= 0 and idxs.max() < n_img
        # every image has 2 to 5 captions
        per_image = np.bincount(idxs, minlength=n_img)
        assert per_image.min() >= 2 and per_image.max() <= 5
    assert 3000 <= data['train_features'].shape[0] <= 6000
    assert 500 <= data['val_features'].shape[0] <= 2000


def test_vocab(data):
    i2w, w2i = data['idx_to_word'], data['word_to_idx']
    assert i2w[:4] == ['<NULL>', '<START>', '<END>', '<UNK>']
    assert len(i2w) == len(w2i) == len(set(i2w))
    assert all(w2i[w] == i for i, w in enumerate(i2w))
    assert 20 <= len(i2w) <= 120
    for split in ('train', 'val'):
        caps = data[f'{split}_captions']
        assert caps.min() >= 0 and caps.max() < len(i2w)


def test_caption_structure(data):
    for split in ('train', 'val'):
        caps = data[f'{split}_captions']
        assert np.all(caps[:, 0] == 1), 'every caption starts with <START>'
        is_end = caps == 2
        assert np.all(is_end.sum(1) == 1), 'exactly one <END> per caption'
        end = is_end.argmax(1)
        pos = np.arange(T)[None]
        assert np.all(caps[pos > end[:, None]] == 0), '<NULL> after <END>'
        inner = (pos > 0) & (pos < end[:, None])
        assert np.all(caps[inner] > 3), 'no special tokens inside a caption'
        assert end.min() >= 3  # at least two words
    # captions are not one per image: a good share of images has differing captions
    caps = data['train_captions']
    assert len(np.unique(caps, axis=0)) > 0.5 * len(caps)


def test_decode_captions_round_trip(data):
    i2w, w2i = data['idx_to_word'], data['word_to_idx']
    caps = data['val_captions'][:50]
    decoded = coco_utils.decode_captions(caps, i2w)
    assert isinstance(decoded, list) and len(decoded) == 50
    for row, text in zip(caps, decoded):
        words = text.split()
        assert words[0] == '<START>' and words[-1] == '<END>'
        assert '<NULL>' not in words
        re = np.zeros(T, np.int32)
        re[: len(words)] = [w2i[w] for w in words]
        np.testing.assert_array_equal(re, row)
    one = coco_utils.decode_captions(caps[0], i2w)
    assert isinstance(one, str) and one == decoded[0]
    # stops at the first <END>, skips <NULL>
    assert coco_utils.decode_captions(np.array([1, 0, 4, 2, 5, 6]), i2w) == f'<START> {i2w[4]} <END>'


def test_sample_minibatch_and_images(data):
    np.random.seed(0)
    caps, feats, urls = coco_utils.sample_coco_minibatch(data, batch_size=7, split='val')
    assert caps.shape == (7, T) and feats.shape == (7, 512) and urls.shape == (7,)
    for c, f, u in zip(caps, feats, urls):
        i = int(u.split(':')[-1])
        np.testing.assert_array_equal(f, data['val_features'][i])
        rows = data['val_captions'][data['val_image_idxs'] == i]
        assert any(np.array_equal(c, r) for r in rows)
    im = coco_utils.get_image(data, 'train', 5)
    assert im.dtype == np.uint8 and im.ndim == 3 and im.shape[2] == 3
    np.testing.assert_array_equal(coco_utils.get_image(data, 'train', 'scene:train:000005'), im)
    with pytest.raises(KeyError):
        coco_utils.get_image({'val_urls': data['val_urls']}, 'val', 0)


def test_max_train_subsamples(data):
    np.random.seed(1)
    small = coco_utils.load_coco_data(base_dir=DATA_DIR, max_train=50)
    assert small['train_captions'].shape == (50, T)
    assert small['train_image_idxs'].shape == (50,)
    assert small['train_features'].shape == data['train_features'].shape
    # each kept caption is a caption of its image
    for c, i in zip(small['train_captions'], small['train_image_idxs']):
        rows = data['train_captions'][data['train_image_idxs'] == i]
        assert any(np.array_equal(c, r) for r in rows)


def test_missing_files_raise_clearly(tmp_path, data):
    with pytest.raises(FileNotFoundError, match='train2014_vgg16_fc7.h5'):
        coco_utils.load_coco_data(base_dir=DATA_DIR, pca_features=False)
    with pytest.raises(FileNotFoundError, match='coco2014_captions.h5'):
        coco_utils.load_coco_data(base_dir=str(tmp_path))


def test_loader_reads_real_coco_layout_without_images(tmp_path, data):
    """A folder like the real COCO download (4096-d features, no image files) loads."""
    import json

    with h5py.File(tmp_path / 'coco2014_captions.h5', 'w') as f:
        for split in ('train', 'val'):
            f[f'{split}_captions'] = data[f'{split}_captions'][:20]
            f[f'{split}_image_idxs'] = np.arange(20, dtype=np.int32) % 4
    for split in ('train', 'val'):
        with h5py.File(tmp_path / f'{split}2014_vgg16_fc7.h5', 'w') as f:
            f['features'] = np.ones((4, 4096), np.float32)
        (tmp_path / f'{split}2014_urls.txt').write_text(''.join(f'http://example.org/{i}.jpg\n' for i in range(4)))
    (tmp_path / 'coco2014_vocab.json').write_text(
        json.dumps({'idx_to_word': data['idx_to_word'], 'word_to_idx': data['word_to_idx']})
    )
    d = coco_utils.load_coco_data(base_dir=str(tmp_path), pca_features=False)
    assert 'train_images' not in d and d['train_features'].shape == (4, 4096)
    assert d['val_urls'][3] == 'http://example.org/3.jpg'


def test_base_dir_env_var(tmp_path):
    env = dict(os.environ, CS231N_COCO_DIR=str(tmp_path))
    code = (
        f'import importlib.util as u; s = u.spec_from_file_location("m", {LOADER!r}); '
        'm = u.module_from_spec(s); s.loader.exec_module(m); print(m.BASE_DIR)'
    )
    out = subprocess.run(
        [sys.executable, '-c', code], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == str(tmp_path)
    env.pop('CS231N_COCO_DIR')
    out = subprocess.run(
        [sys.executable, '-c', code], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert os.path.isdir(out) and out.endswith('coco_captioning')


def test_folder_under_25_mb():
    total = sum(os.path.getsize(os.path.join(DATA_DIR, n)) for n in os.listdir(DATA_DIR))
    assert total < MAX_BYTES, f'{total / 2**20:.1f} MB'


def test_generator_is_deterministic_and_matches_shipped_data(data):
    n = 12
    ims1, caps1, _ = gen.make_scenes('train', n)
    ims2, caps2, _ = gen.make_scenes('train', n)
    np.testing.assert_array_equal(ims1, ims2)
    assert caps1 == caps2
    # a later chunk generated on its own equals the same scenes of a longer run
    ims3, caps3, _ = gen.make_scenes('train', 4, start=8)
    np.testing.assert_array_equal(ims3, ims1[8:])
    assert caps3 == caps1[8:]
    # another seed gives other scenes
    ims4, _, _ = gen.make_scenes('train', n, seed=gen.SEED + 1)
    assert not np.array_equal(ims4, ims1)
    # the shipped data are the first scenes of the seeded run
    np.testing.assert_array_equal(ims1, data['train_images'][:n])
    enc, idxs = gen.encode_captions(caps1, data['word_to_idx'])
    m = data['train_image_idxs'] < n
    np.testing.assert_array_equal(enc, data['train_captions'][m])
    np.testing.assert_array_equal(idxs, data['train_image_idxs'][m])
    ims_v, caps_v, _ = gen.make_scenes('val', 5)
    np.testing.assert_array_equal(ims_v, data['val_images'][:5])
    enc, _ = gen.encode_captions(caps_v, data['word_to_idx'])
    np.testing.assert_array_equal(enc, data['val_captions'][data['val_image_idxs'] < 5])
