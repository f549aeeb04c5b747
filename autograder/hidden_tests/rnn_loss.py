"""Hidden tests of CaptioningRNN.loss with cell_type='rnn': the loss and every gradient.
``published`` is the course's setup, whose loss the course published as 9.83235591003."""

from autograder.hidden_tests._inputs import published_loss_inputs, random_loss_inputs

CASES = {
    "published": lambda rng: published_loss_inputs("rnn", (-1.5, 0.3)),
    "random": lambda rng: random_loss_inputs(rng, "rnn"),
}

# The course's published loss: `a3 build` judges the reference by it.
PUBLISHED = {"published": {"loss": 9.83235591003}}
