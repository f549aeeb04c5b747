"""Hidden tests of CaptioningRNN.loss with cell_type='lstm': the loss and every gradient.
``published`` is the course's setup, whose loss the course published as 9.82445935443."""

from autograder.hidden_tests._inputs import published_loss_inputs, random_loss_inputs

CASES = {
    "published": lambda rng: published_loss_inputs("lstm", (-0.5, 1.7)),
    "random": lambda rng: random_loss_inputs(rng, "lstm"),
}

# The course's published loss: `a3 build` judges the reference by it.
PUBLISHED = {"published": {"loss": 9.82445935443}}
