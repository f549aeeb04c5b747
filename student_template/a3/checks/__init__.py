"""The checks of the questions whose outputs are judged by more than a comparison with the
reference's under the threshold. The grader judges with them (question_api.hooks_of gives
a question listed here this ``check`` or ``check_source``; its hidden test defines none) and
so do the public cases that students run (``a3 build`` ships this package as ``a3/checks``):
one definition and one registration of each judgement.

CHECKS: {question id: check(case, got, expected, inputs, question) -> [Check]}.
SOURCE_CHECKS: {question id: check_source(case, source, question) -> [Check]}."""

from . import captioning, gan, netvis, style

CHECKS = {
    "rnn_sample": captioning.check_sample,
    "lstm_sample": captioning.check_sample,
    "saliency_maps": netvis.check_saliency_maps,
    "fooling_image": netvis.check_fooling_image,
    "class_visualization": netvis.check_class_visualization,
    "style_transfer": style.check_style_transfer,
    "sample_noise": gan.check_sample_noise,
    "discriminator": gan.check_discriminator,
    "generator": gan.check_generator,
    "get_solvers": gan.check_get_solvers,
    "gan_training": gan.check_gan_training,
    "dc_discriminator": gan.check_dc_discriminator,
    "dc_generator": gan.check_dc_generator,
}
SOURCE_CHECKS = {"tv_loss": style.check_vectorized}
