"""Hidden test of overfitting a small data set with cell_type='lstm': the student's model
and solver train in the student process; the grader recomputes the final loss with the
reference model on the returned parameters (it must be below max_loss in grading_config.yml)."""
from autograder.hidden_tests._captioning import check_overfit, small_data_inputs

CASES = {"small_data": lambda rng: small_data_inputs(rng, "lstm")}
EXPECTED = False   # nothing to compare with: the check recomputes the loss


def check(case, got, expected, inputs, question):
    return check_overfit(got, inputs, question)
