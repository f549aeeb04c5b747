"""
Unigram BLEU for evaluating greedy captions (an extra of this framework; the
2017 course left "maybe implement BLEU?" as a TODO in its solver).

unigram_bleu is BLEU-1 as in Papineni et al. (2002) and as computed by
nltk.translate.bleu_score.sentence_bleu(references, candidate, weights=[1]):

    BLEU-1 = BP * p1

- p1, the clipped (modified) unigram precision: each candidate word counts at
  most as many times as it appears in the single reference where it appears
  most often; the sum of those clipped counts is divided by the candidate
  length.
- BP, the brevity penalty: with c the candidate length and r the reference
  length closest to c (ties broken towards the shorter reference),
  BP = 1 if c > r else exp(1 - r / c).

An empty candidate scores 0.
"""
from collections import Counter

import numpy as np

SPECIAL_TOKENS = ('<START>', '<END>', '<NULL>')


def unigram_bleu(reference_captions, candidate):
    """
    Unigram BLEU of one candidate caption against several references.

    Inputs:
    - reference_captions: List of reference captions; each a list of word
      strings (without <START>/<END>/<NULL>). Must not be empty.
    - candidate: The candidate caption, a list of word strings.

    Returns:
    - score: Python float in [0, 1].
    """
    c = len(candidate)
    if c == 0 or len(reference_captions) == 0:
        return 0.0

    # Clipped unigram counts.
    max_ref_counts = Counter()
    for ref in reference_captions:
        for word, count in Counter(ref).items():
            max_ref_counts[word] = max(max_ref_counts[word], count)
    clipped = sum(min(count, max_ref_counts[word])
                  for word, count in Counter(candidate).items())
    precision = clipped / c

    # Brevity penalty with the closest reference length.
    r = min((len(ref) for ref in reference_captions),
            key=lambda ref_len: (abs(ref_len - c), ref_len))
    bp = 1.0 if c > r else float(np.exp(1.0 - r / c))
    return float(bp * precision)


def _strip(caption_string):
    return [w for w in caption_string.split() if w not in SPECIAL_TOKENS]


def evaluate_bleu(model, data, split, max_items=None, batch_size=100,
                  max_length=30):
    """
    Average unigram BLEU of the model's greedy captions over the images of a
    split.

    Each image (a distinct value of data['<split>_image_idxs']) is captioned
    once with model.sample; the caption is scored with unigram_bleu against
    ALL reference captions of that image. <START>, <END> and <NULL> are removed
    from candidates and references.

    Inputs:
    - model: An object with sample(features, max_length) -> (N, max_length)
      integer captions, e.g. a CaptioningRNN.
    - data: Dictionary as returned by load_coco_data, with keys
      '<split>_captions', '<split>_image_idxs', '<split>_features' and
      'idx_to_word'.
    - split: 'train' or 'val'.
    - max_items: If not None, only the first max_items images (in increasing
      order of image index) are evaluated.
    - batch_size: Number of images sampled at once.
    - max_length: Maximum length of the sampled captions.

    Returns:
    - bleu: Python float, the mean unigram BLEU over the evaluated images.
    """
    from cs231n.coco_utils import decode_captions

    captions = data['%s_captions' % split]
    image_idxs = np.asarray(data['%s_image_idxs' % split])
    features = data['%s_features' % split]
    idx_to_word = data['idx_to_word']

    # Group the reference captions by image.
    references = {}
    for caption, image_idx in zip(decode_captions(captions, idx_to_word),
                                  image_idxs):
        references.setdefault(int(image_idx), []).append(_strip(caption))

    images = sorted(references)
    if max_items is not None:
        images = images[:max_items]
    if not images:
        return 0.0

    scores = []
    for start in range(0, len(images), batch_size):
        batch = np.asarray(images[start:start + batch_size])
        sampled = model.sample(features[batch], max_length=max_length)
        decoded = decode_captions(sampled, idx_to_word)
        if isinstance(decoded, str):
            decoded = [decoded]
        for image_idx, caption in zip(batch, decoded):
            scores.append(unigram_bleu(references[int(image_idx)],
                                       _strip(caption)))
    return float(np.mean(scores))
