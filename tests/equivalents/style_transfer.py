"""The style-transfer question runs the given loop with the student's four losses:
correct losses written differently (all four at once) must give full marks."""

from equivalents import content_loss, gram_matrix, style_loss, together, tv_loss

TARGET = "cs231n/style_transfer.py::style_transfer"
F = "cs231n/style_transfer.py::"

course_students_forms = together(
    "course_students_forms",
    "The four losses in the course's students' forms (tf.norm ** 2, static shapes, "
    "a Python sum over zip, weights inside each TV sum).",
    {
        F + "content_loss": content_loss.norm_squared,
        F + "gram_matrix": gram_matrix.static_shape_transpose,
        F + "style_loss": style_loss.zip_and_python_sum,
        F + "tv_loss": tv_loss.weight_inside_each_sum,
    },
)

other_ops = together(
    "other_ops",
    "The four losses with other ops (squared_difference, einsum, add_n, l2_loss of diffs).",
    {
        F + "content_loss": content_loss.squared_difference,
        F + "gram_matrix": gram_matrix.einsum_float32,
        F + "style_loss": style_loss.add_n_of_norms,
        F + "tv_loss": tv_loss.l2_loss_of_differences,
    },
)

one_element_style_loss = together(
    "one_element_style_loss",
    "A style loss of shape (1,) (tf.zeros(1) accumulated): the given loop's total loss is a "
    "one-element tensor, which the course's loop took as the scalar it holds.",
    {F + "style_loss": style_loss.one_element_tensor},
)

EQUIVALENTS = [course_students_forms, other_ops, one_element_style_loss]
