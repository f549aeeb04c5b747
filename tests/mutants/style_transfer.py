"""Plausible wrong versions of the transfer loop (style_transfer, given code that a
student might change)."""

from mutants import edit

TARGET = "cs231n/style_transfer.py::style_transfer"

MUTANTS = [
    edit(
        "gradient_ascent",
        "Applies the negated gradient: climbs the loss.",
        ("optimizer.apply_gradients([(grad, img)])", "optimizer.apply_gradients([(-grad, img)])"),
    ),
    edit(
        "no_clamp",
        "Never clamps the image to [-1.5, 1.5].",
        ("        img.assign(tf.clip_by_value(img, -max_value, max_value))\n", ""),
    ),
    edit(
        "plain_sgd",
        "Uses plain gradient descent (SGD) with Adam's learning rate: the steps explode.",
        ("tf.keras.optimizers.Adam(learning_rate=initial_lr)", "tf.keras.optimizers.SGD(learning_rate=initial_lr)"),
    ),
    edit(
        "style_targets_of_content",
        "Takes the style targets from the content image instead of the style image.",
        (
            "style_feats = extract_features(tf.convert_to_tensor(style_img, tf.float32), model)",
            "style_feats = extract_features(content_img, model)",
        ),
    ),
    edit(
        "content_target_of_start",
        "Takes the content target from the starting image (noise) instead of the content image.",
        (
            "content_target = extract_features(content_img, model)[content_layer]",
            "content_target = extract_features(content_img if init_img is None else "
            "tf.convert_to_tensor(init_img, tf.float32), model)[content_layer]",
        ),
    ),
]
