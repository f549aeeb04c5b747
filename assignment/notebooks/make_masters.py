#!/usr/bin/env python
"""Write the two master notebooks (Otter Assign v1 format) of Parts 1 and 2:

    assignment/notebooks/RNN_Captioning.ipynb
    assignment/notebooks/LSTM_Captioning.ipynb

Run from anywhere (``.venv/bin/python assignment/notebooks/make_masters.py``); the output
is deterministic (fixed cell ids), and both files are committed. Edit THIS script, not the
notebooks, then rerun it and ``a3 build``.

Format, per question (the question ids are those of grading_config.yml):

    raw  "# BEGIN QUESTION / name: <id>"      no ``points:`` here: ``a3 build`` injects the
                                              points of grading_config.yml
    md   explanation (what to implement in which cs231n file)
    code a demo that runs the student's function and prints errors (locked in the student
         notebook; the student writes code in cs231n/*.py, not here)
    raw  "# BEGIN TESTS"
    code the public test: a function ``_check_<id>`` that runs the graded public cases
         (``public_tests``, below), then is called.
         It prints nothing when it passes (the masters are not executed, so Otter records
         an empty expected output). Wrapping the test in a function keeps its variables out
         of the notebook's namespace (Otter runs tests in the notebook's globals).
    raw  "# END TESTS" / "# END QUESTION"

There is no solution cell: Otter Assign 7 accepts a question whose first block is TESTS
(it then keeps the check cell because the tests are public).

Written questions are Otter manual questions (``manual: true``) with a reference answer in
a SOLUTION block, which Otter removes from the student notebook (it inserts a "type your
answer here" cell). Long-running cells (data, training, pictures) carry the ``otter_ignore``
tag, so ``otter run`` with the generated autograder zip only runs the cheap cells and tests.

The public test cell of every question is ``public_tests(<id>)``: it runs the graded public
cases (``a3/public_cases.py`` on ``tests/public/<id>.npz``, written by ``a3 build``), so
``grader.check`` and ``a3 check`` pass exactly when the graded public cases do. The demo
cells keep the course's printed checks (its published values and ``rel_error``).
"""
import hashlib
import os
import textwrap

import nbformat

HERE = os.path.dirname(os.path.abspath(__file__))
IGNORE = ['otter_ignore']   # skipped by `otter run` (slow or needs the data)


# ------------------------------------------------------------------------------------
# Small cell DSL
# ------------------------------------------------------------------------------------

def _src(text):
    return textwrap.dedent(text).strip('\n')


def md(text):
    return nbformat.v4.new_markdown_cell(_src(text))


def code(text, tags=None):
    cell = nbformat.v4.new_code_cell(_src(text))
    if tags:
        cell.metadata['tags'] = list(tags)
    return cell


def raw(text):
    return nbformat.v4.new_raw_cell(_src(text))


def test(name, body):
    """A public Otter test cell: ``def _check_<name>(): <body>`` followed by its call."""
    return code('def _check_%s():\n%s\n_check_%s()\n'
                % (name, textwrap.indent(_src(body), '    '), name))


def public_tests(qid):
    """The public test of ``qid``: the graded public cases themselves (their inputs, expected
    values, measure and threshold, from ``tests/public/<qid>.npz``, which ``a3 build`` writes
    from the fixtures), run by ``a3/public_cases.py``: it passes exactly when they do."""
    return [test(qid, """
        from a3.public_cases import check_public_cases
        check_public_cases('%s')
        """ % qid)]


def question(qid, cells, tests):
    """An autograded question: explanation/demo cells, then its public test cells."""
    return ([raw('# BEGIN QUESTION\nname: %s' % qid)] + cells
            + [raw('# BEGIN TESTS')] + tests + [raw('# END TESTS'), raw('# END QUESTION')])


def manual_question(qid, prompt, answer):
    """A written (manually graded) question; its points are its part's ``written:`` in
    grading_config.yml (the build writes them in)."""
    return [raw('# BEGIN QUESTION\nname: %s\nmanual: true' % qid), md(prompt),
            raw('# BEGIN SOLUTION'), md(answer), raw('# END SOLUTION'),
            raw('# END QUESTION')]


def config_cell():
    return raw('''
        # ASSIGNMENT CONFIG
        init_cell: true
        check_all_cell: false
        export_cell: false
        run_tests: false
        show_question_points: true
        generate:
          show_stdout: true
          show_hidden: false
        tests:
          files: true
          ok_format: true
        ''')


def write_notebook(name, cells):
    nb = nbformat.v4.new_notebook()
    nb.metadata = {
        'kernelspec': {'display_name': 'Python 3', 'language': 'python', 'name': 'python3'},
        'language_info': {'name': 'python'},
    }
    seen = {}
    for cell in cells:
        digest = hashlib.sha1((cell.cell_type + '\0' + cell.source).encode()).hexdigest()[:10]
        seen[digest] = seen.get(digest, 0) + 1
        cell['id'] = digest if seen[digest] == 1 else '%s-%d' % (digest, seen[digest])
    nb.cells = cells
    nbformat.validate(nb)
    path = os.path.join(HERE, name)
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        nbformat.write(nb, f)
    print('wrote', path)


# ------------------------------------------------------------------------------------
# Shared pieces
# ------------------------------------------------------------------------------------

SETUP = '''
    # Setup: the cs231n package next to this notebook is where you write your code.
    import time, os, json
    import numpy as np
    import matplotlib.pyplot as plt

    from cs231n.gradient_check import eval_numerical_gradient, eval_numerical_gradient_array
    from cs231n.rnn_layers import *
    from cs231n.captioning_solver import CaptioningSolver
    from cs231n.classifiers.rnn import CaptioningRNN
    from cs231n.coco_utils import load_coco_data, sample_coco_minibatch, decode_captions, get_image

    %matplotlib inline
    plt.rcParams['figure.figsize'] = (10.0, 8.0)  # default size of plots
    plt.rcParams['image.interpolation'] = 'nearest'
    plt.rcParams['image.cmap'] = 'gray'

    # reload the cs231n modules automatically when you edit them
    %load_ext autoreload
    %autoreload 2

    def rel_error(x, y):
        """ returns relative error """
        return np.max(np.abs(x - y) / (np.maximum(1e-8, np.abs(x) + np.abs(y))))'''

DATA_INTRO = '''
    ## The captioning data

    The original assignment used Microsoft COCO 2014 (80,000 training and 40,000 validation
    photos, 5 human captions each), with features from the fc7 layer of a VGG-16 network
    reduced to 512 dimensions by PCA. The data shipped with this assignment keeps exactly
    that layout (same file names, same keys, same caption encoding), but its images are
    small **rendered scenes**: one or two coloured shapes on a grey background, described
    by captions written from templates ("a big red circle to the left of a small blue
    square"). Their features come from the convolutional layers of a pretrained VGG-16,
    also reduced to 512 dimensions with PCA. The scenes are simple enough that a model
    trained on a CPU in a minute writes sensible captions; if you have the real COCO files,
    `load_coco_data(base_dir=...)` reads them too.

    `load_coco_data` returns a dictionary:

    - `train_captions`, `val_captions`: integer word ids, one caption per row. Every caption
      starts with `<START>` and ends with `<END>`; shorter captions are padded with `<NULL>`.
      Words outside the vocabulary would be `<UNK>`.
    - `train_image_idxs`, `val_image_idxs`: the image each caption describes (several
      captions share an image).
    - `train_features`, `val_features`: one 512-d feature vector per image.
    - `idx_to_word`, `word_to_idx`: the vocabulary, in both directions.
    - `train_urls`, `val_urls`: an identifier per image (a URL for real COCO), and
      `train_images`, `val_images`: the pictures themselves (only in the shipped data; use
      `get_image(data, split, idx)`).

    `decode_captions` turns word ids back into strings, and `sample_coco_minibatch` draws a
    random minibatch of captions with their image features.'''

LOAD = '''
    # Load the captioning data with the 512-d PCA features.
    data = load_coco_data(pca_features=True)

    # Print out all the keys and values from the data dictionary
    for k, v in data.items():
        if type(v) == np.ndarray:
            print(k, type(v), v.shape, v.dtype)
        else:
            print(k, type(v), len(v))'''

LOOK = '''
    # Sample a minibatch and show the images and captions
    batch_size = 3

    captions, features, urls = sample_coco_minibatch(data, batch_size=batch_size)
    for i, (caption, url) in enumerate(zip(captions, urls)):
        plt.imshow(get_image(data, 'train', url))
        plt.axis('off')
        caption_str = decode_captions(caption, data['idx_to_word'])
        plt.title(caption_str)
        plt.show()'''


def show_samples(model_name, data_name):
    return '''
        # Greedy captions on a few training and validation images, next to the
        # ground-truth caption of the image.
        np.random.seed(231)
        for split in ['train', 'val']:
            minibatch = sample_coco_minibatch(%(d)s, split=split, batch_size=2)
            gt_captions, features, urls = minibatch
            gt_captions = decode_captions(gt_captions, data['idx_to_word'])

            sample_captions = %(m)s_model.sample(features)
            sample_captions = decode_captions(sample_captions, data['idx_to_word'])

            for gt_caption, sample_caption, url in zip(gt_captions, sample_captions, urls):
                plt.imshow(get_image(data, split, url))
                plt.title('%%s\\n%%s\\nGT:%%s' %% (split, sample_caption, gt_caption))
                plt.axis('off')
                plt.show()''' % {'m': model_name, 'd': data_name}


def overfit_cells(cell_type, hidden_dim, max_loss):
    name = cell_type + '_overfit'
    title = 'RNN' if cell_type == 'rnn' else 'LSTM'
    return [
        md('''
            # Overfit the %(t)s captioning model
            Now that the loss and its gradients are correct, use `CaptioningSolver` (given,
            in `cs231n/captioning_solver.py`) to train the model on a tiny data set of 50
            training captions. A correct model drives the loss close to zero: you should see
            a final loss below %(l)s. This is graded (question `%(n)s`) by a hidden test that
            trains your model the same way, so it has no public test here; it also takes a
            few seconds, longer than the quick checks above.
            ''' % {'t': title, 'l': max_loss, 'n': name}),
        code('''
            np.random.seed(231)

            small_data = load_coco_data(max_train=50)

            small_%(c)s_model = CaptioningRNN(
                      cell_type='%(c)s',
                      word_to_idx=data['word_to_idx'],
                      input_dim=data['train_features'].shape[1],
                      hidden_dim=%(h)d,
                      wordvec_dim=256,
                      dtype=np.float32,
                    )

            small_%(c)s_solver = CaptioningSolver(small_%(c)s_model, small_data,
                       update_rule='adam',
                       num_epochs=50,
                       batch_size=25,
                       optim_config={
                         'learning_rate': 5e-3,
                       },
                       lr_decay=0.95,
                       verbose=True, print_every=10,
                     )

            small_%(c)s_solver.train()

            # Plot the training losses
            plt.plot(small_%(c)s_solver.loss_history)
            plt.xlabel('Iteration')
            plt.ylabel('Loss')
            plt.title('Training loss history')
            plt.show()
            print('Final loss: %%f (should be below %(l)s)' %% small_%(c)s_solver.loss_history[-1])
            ''' % {'c': cell_type, 'h': hidden_dim, 'l': max_loss}, tags=IGNORE),
    ]


def full_training_cells(cell_type):
    title = 'RNN' if cell_type == 'rnn' else 'LSTM'
    return [
        md('''
            # Train a captioning model on the whole data set
            The tiny model above memorised 50 captions, so its captions of validation
            images are poor. Train a %s on all the training captions for a few epochs
            (about a minute on a laptop CPU with your implementation) and look at its
            captions of training and validation images. Note how the captions of unseen
            validation scenes are still mostly right: the model has learned to name
            colours, shapes and their places from the image features.
            ''' % title),
        code('''
            np.random.seed(231)
            full_%(c)s_model = CaptioningRNN(
                      cell_type='%(c)s',
                      word_to_idx=data['word_to_idx'],
                      input_dim=data['train_features'].shape[1],
                      hidden_dim=HIDDEN_DIM,
                      wordvec_dim=WORDVEC_DIM,
                      dtype=np.float32,
                    )
            full_%(c)s_solver = CaptioningSolver(full_%(c)s_model, data,
                       update_rule='adam',
                       num_epochs=NUM_EPOCHS,
                       batch_size=100,
                       optim_config={'learning_rate': LEARNING_RATE},
                       lr_decay=0.9,
                       verbose=True, print_every=50,
                     )
            tic = time.time()
            full_%(c)s_solver.train()
            print('Training took %%.1f s' %% (time.time() - tic))

            plt.plot(full_%(c)s_solver.loss_history)
            plt.xlabel('Iteration')
            plt.ylabel('Loss')
            plt.title('Training loss history')
            plt.show()
            ''' % {'c': cell_type}, tags=IGNORE),
    ]


def train_settings(cell_type):
    return code('''
        # Settings of the full training run (feel free to experiment).
        HIDDEN_DIM = %d
        WORDVEC_DIM = %d
        NUM_EPOCHS = %d
        LEARNING_RATE = %s
        ''' % FULL_TRAINING[cell_type], tags=IGNORE)


# hidden_dim, wordvec_dim, num_epochs, learning_rate of the full training run
FULL_TRAINING = {'rnn': (128, 64, 3, '5e-3'), 'lstm': (128, 64, 3, '5e-3')}

SUBMIT = '''
    ## Submitting

    Your code lives in `cs231n/rnn_layers.py` and `cs231n/classifiers/rnn.py`; this
    notebook only calls it. Check a question with `grader.check("<question>")` above, or
    from a terminal with `a3 check <question>` (in this folder). When you are done, pack
    your work with `a3 submit` and upload the zip it writes. The grader runs hidden tests
    on your functions (other inputs, and the overfit questions) in addition to the public
    ones you see here; the written answers in this notebook are read by the staff.'''


# ------------------------------------------------------------------------------------
# Part 1: RNN_Captioning.ipynb
# ------------------------------------------------------------------------------------

def rnn_notebook():
    cells = [
        config_cell(),
        md('''
            # Image Captioning with RNNs
            In this exercise you will implement a vanilla recurrent neural network and use
            it to train a model that writes captions for images. All the code you write goes
            into the `cs231n` package next to this notebook (`cs231n/rnn_layers.py` and
            `cs231n/classifiers/rnn.py`); the cells here run it and check it.

            After each part, the cell `grader.check("<question>")` runs the public tests of
            that question on your code. Passing them is a good sign, not a guarantee: the
            final grade also uses hidden tests with other inputs.
            '''),
        code(SETUP),
        md(DATA_INTRO),
        code(LOAD, tags=IGNORE),
        md('''
            ## Look at the data
            It is always a good idea to look at examples from the data set before working
            with it. Run the cell below a few times to see different scenes and captions.
            Note that `decode_captions` keeps the `<START>` and `<END>` tokens.
            '''),
        code(LOOK, tags=IGNORE),
        md('''
            # Recurrent Neural Networks
            As discussed in lecture, we will use recurrent neural network (RNN) language
            models for image captioning. The file `cs231n/rnn_layers.py` holds the layers a
            recurrent network needs, and the file `cs231n/classifiers/rnn.py` uses them to
            build a captioning model.

            We begin with a vanilla RNN in `cs231n/rnn_layers.py`: one step at a time, then
            a whole sequence, forward and backward.
            '''),
    ]

    # rnn_step_forward ---------------------------------------------------------------
    cells += question('rnn_step_forward', [
        md('''
            # Vanilla RNN: step forward
            Open `cs231n/rnn_layers.py` and implement `rnn_step_forward`: one timestep of a
            vanilla RNN with a tanh nonlinearity,
            $h_t = \\tanh(x_t W_x + h_{t-1} W_h + b)$, for a whole minibatch at once.
            Keep in the cache whatever the backward pass will need.

            After that, run the cell below: you should see an error around `1e-8` or less.
            '''),
        code('''
            N, D, H = 3, 10, 4

            x = np.linspace(-0.4, 0.7, num=N*D).reshape(N, D)
            prev_h = np.linspace(-0.2, 0.5, num=N*H).reshape(N, H)
            Wx = np.linspace(-0.1, 0.9, num=D*H).reshape(D, H)
            Wh = np.linspace(-0.3, 0.7, num=H*H).reshape(H, H)
            b = np.linspace(-0.2, 0.4, num=H)

            next_h, _ = rnn_step_forward(x, prev_h, Wx, Wh, b)
            expected_next_h = np.asarray([
              [-0.58172089, -0.50182032, -0.41232771, -0.31410098],
              [ 0.66854692,  0.79562378,  0.87755553,  0.92795967],
              [ 0.97934501,  0.99144213,  0.99646691,  0.99854353]])

            print('next_h error: ', rel_error(expected_next_h, next_h))
            '''),
    ], public_tests('rnn_step_forward'))

    # rnn_step_backward --------------------------------------------------------------
    cells += question('rnn_step_backward', [
        md('''
            # Vanilla RNN: step backward
            In `cs231n/rnn_layers.py` implement `rnn_step_backward`: given the gradient of
            the loss with respect to `next_h`, return the gradients with respect to the
            input, the previous hidden state, both weight matrices and the bias. (Hint: the
            derivative of tanh can be written with its output, $1 - \\tanh^2$.)

            The cell below compares your gradients with numerical ones; the errors should be
            around `1e-8` or less.
            '''),
        code('''
            from cs231n.rnn_layers import rnn_step_forward, rnn_step_backward
            np.random.seed(231)
            N, D, H = 4, 5, 6
            x = np.random.randn(N, D)
            h = np.random.randn(N, H)
            Wx = np.random.randn(D, H)
            Wh = np.random.randn(H, H)
            b = np.random.randn(H)

            out, cache = rnn_step_forward(x, h, Wx, Wh, b)

            dnext_h = np.random.randn(*out.shape)

            fx = lambda x: rnn_step_forward(x, h, Wx, Wh, b)[0]
            fh = lambda prev_h: rnn_step_forward(x, h, Wx, Wh, b)[0]
            fWx = lambda Wx: rnn_step_forward(x, h, Wx, Wh, b)[0]
            fWh = lambda Wh: rnn_step_forward(x, h, Wx, Wh, b)[0]
            fb = lambda b: rnn_step_forward(x, h, Wx, Wh, b)[0]

            dx_num = eval_numerical_gradient_array(fx, x, dnext_h)
            dprev_h_num = eval_numerical_gradient_array(fh, h, dnext_h)
            dWx_num = eval_numerical_gradient_array(fWx, Wx, dnext_h)
            dWh_num = eval_numerical_gradient_array(fWh, Wh, dnext_h)
            db_num = eval_numerical_gradient_array(fb, b, dnext_h)

            dx, dprev_h, dWx, dWh, db = rnn_step_backward(dnext_h, cache)

            print('dx error: ', rel_error(dx_num, dx))
            print('dprev_h error: ', rel_error(dprev_h_num, dprev_h))
            print('dWx error: ', rel_error(dWx_num, dWx))
            print('dWh error: ', rel_error(dWh_num, dWh))
            print('db error: ', rel_error(db_num, db))
            '''),
    ], public_tests('rnn_step_backward'))

    # rnn_forward --------------------------------------------------------------------
    cells += question('rnn_forward', [
        md('''
            # Vanilla RNN: forward
            Now run the RNN over a whole sequence. In `cs231n/rnn_layers.py` implement
            `rnn_forward` by calling `rnn_step_forward` once per timestep, starting from the
            initial hidden state `h0`, and collecting the hidden states of all timesteps.

            You should see an error around `1e-7` or less.
            '''),
        code('''
            N, T, D, H = 2, 3, 4, 5

            x = np.linspace(-0.1, 0.3, num=N*T*D).reshape(N, T, D)
            h0 = np.linspace(-0.3, 0.1, num=N*H).reshape(N, H)
            Wx = np.linspace(-0.2, 0.4, num=D*H).reshape(D, H)
            Wh = np.linspace(-0.4, 0.1, num=H*H).reshape(H, H)
            b = np.linspace(-0.7, 0.1, num=H)

            h, _ = rnn_forward(x, h0, Wx, Wh, b)
            expected_h = np.asarray([
              [
                [-0.42070749, -0.27279261, -0.11074945,  0.05740409,  0.22236251],
                [-0.39525808, -0.22554661, -0.0409454,   0.14649412,  0.32397316],
                [-0.42305111, -0.24223728, -0.04287027,  0.15997045,  0.35014525],
              ],
              [
                [-0.55857474, -0.39065825, -0.19198182,  0.02378408,  0.23735671],
                [-0.27150199, -0.07088804,  0.13562939,  0.33099728,  0.50158768],
                [-0.51014825, -0.30524429, -0.06755202,  0.17806392,  0.40333043]]])
            print('h error: ', rel_error(expected_h, h))
            '''),
    ], public_tests('rnn_forward'))

    # rnn_backward -------------------------------------------------------------------
    cells += question('rnn_backward', [
        md('''
            # Vanilla RNN: backward
            In `cs231n/rnn_layers.py` implement `rnn_backward`: backpropagation through time
            over the whole sequence, calling `rnn_step_backward` once per timestep, from the
            last to the first. The upstream gradient `dh` holds the gradients coming from the
            loss at each timestep; you add to it the gradient that flows back from the next
            timestep. The weights are shared by all timesteps, so their gradients add up.

            You should see errors around `5e-7` or less.
            '''),
        code('''
            np.random.seed(231)

            N, D, T, H = 2, 3, 10, 5

            x = np.random.randn(N, T, D)
            h0 = np.random.randn(N, H)
            Wx = np.random.randn(D, H)
            Wh = np.random.randn(H, H)
            b = np.random.randn(H)

            out, cache = rnn_forward(x, h0, Wx, Wh, b)

            dout = np.random.randn(*out.shape)

            dx, dh0, dWx, dWh, db = rnn_backward(dout, cache)

            fx = lambda x: rnn_forward(x, h0, Wx, Wh, b)[0]
            fh0 = lambda h0: rnn_forward(x, h0, Wx, Wh, b)[0]
            fWx = lambda Wx: rnn_forward(x, h0, Wx, Wh, b)[0]
            fWh = lambda Wh: rnn_forward(x, h0, Wx, Wh, b)[0]
            fb = lambda b: rnn_forward(x, h0, Wx, Wh, b)[0]

            dx_num = eval_numerical_gradient_array(fx, x, dout)
            dh0_num = eval_numerical_gradient_array(fh0, h0, dout)
            dWx_num = eval_numerical_gradient_array(fWx, Wx, dout)
            dWh_num = eval_numerical_gradient_array(fWh, Wh, dout)
            db_num = eval_numerical_gradient_array(fb, b, dout)

            print('dx error: ', rel_error(dx_num, dx))
            print('dh0 error: ', rel_error(dh0_num, dh0))
            print('dWx error: ', rel_error(dWx_num, dWx))
            print('dWh error: ', rel_error(dWh_num, dWh))
            print('db error: ', rel_error(db_num, db))
            '''),
    ], public_tests('rnn_backward'))

    # word embeddings ----------------------------------------------------------------
    cells += question('word_embedding_forward', [
        md('''
            # Word embedding: forward
            Deep learning systems represent words as vectors: each word of the vocabulary
            has its own learned vector. In `cs231n/rnn_layers.py` implement
            `word_embedding_forward`, which turns a minibatch of word indices of shape
            (N, T) into their vectors, of shape (N, T, D) (one line with numpy indexing).

            You should see an error around `1e-8` or less.
            '''),
        code('''
            N, T, V, D = 2, 4, 5, 3

            x = np.asarray([[0, 3, 1, 2], [2, 1, 0, 3]])
            W = np.linspace(0, 1, num=V*D).reshape(V, D)

            out, _ = word_embedding_forward(x, W)
            expected_out = np.asarray([
             [[ 0.,          0.07142857,  0.14285714],
              [ 0.64285714,  0.71428571,  0.78571429],
              [ 0.21428571,  0.28571429,  0.35714286],
              [ 0.42857143,  0.5,         0.57142857]],
             [[ 0.42857143,  0.5,         0.57142857],
              [ 0.21428571,  0.28571429,  0.35714286],
              [ 0.,          0.07142857,  0.14285714],
              [ 0.64285714,  0.71428571,  0.78571429]]])

            print('out error: ', rel_error(expected_out, out))
            '''),
    ], public_tests('word_embedding_forward'))

    cells += question('word_embedding_backward', [
        md('''
            # Word embedding: backward
            Implement `word_embedding_backward` in `cs231n/rnn_layers.py`. Only the
            embedding matrix gets a gradient (word indices are integers). Careful: the same
            word can appear many times in a minibatch, and its gradients must add up
            (`np.add.at` does this; `dW[x] += dout` does not).

            You should see an error around `1e-11` or less.
            '''),
        code('''
            np.random.seed(231)

            N, T, V, D = 50, 3, 5, 6
            x = np.random.randint(V, size=(N, T))
            W = np.random.randn(V, D)

            out, cache = word_embedding_forward(x, W)
            dout = np.random.randn(*out.shape)
            dW = word_embedding_backward(dout, cache)

            f = lambda W: word_embedding_forward(x, W)[0]
            dW_num = eval_numerical_gradient_array(f, W, dout)

            print('dW error: ', rel_error(dW, dW_num))
            '''),
    ], public_tests('word_embedding_backward'))

    # temporal affine / softmax (given) ---------------------------------------------
    cells += question('temporal_affine', [
        md('''
            # Temporal affine layer
            At every timestep an affine function turns the hidden state into scores over
            the vocabulary. This is the affine layer of the previous assignment, applied to
            all timesteps of a minibatch at once, so it is given to you
            (`temporal_affine_forward` and `temporal_affine_backward` in
            `cs231n/rnn_layers.py`). Run the gradient check below anyway; the errors should
            be around `1e-9` or less.
            '''),
        code('''
            np.random.seed(231)

            # Gradient check for temporal affine layer
            N, T, D, M = 2, 3, 4, 5
            x = np.random.randn(N, T, D)
            w = np.random.randn(D, M)
            b = np.random.randn(M)

            out, cache = temporal_affine_forward(x, w, b)

            dout = np.random.randn(*out.shape)

            fx = lambda x: temporal_affine_forward(x, w, b)[0]
            fw = lambda w: temporal_affine_forward(x, w, b)[0]
            fb = lambda b: temporal_affine_forward(x, w, b)[0]

            dx_num = eval_numerical_gradient_array(fx, x, dout)
            dw_num = eval_numerical_gradient_array(fw, w, dout)
            db_num = eval_numerical_gradient_array(fb, b, dout)

            dx, dw, db = temporal_affine_backward(dout, cache)

            print('dx error: ', rel_error(dx_num, dx))
            print('dw error: ', rel_error(dw_num, dw))
            print('db error: ', rel_error(db_num, db))
            '''),
    ], public_tests('temporal_affine'))

    cells += question('temporal_softmax_loss', [
        md('''
            # Temporal softmax loss
            The model predicts a word at every timestep, and a softmax cross-entropy loss
            compares each prediction with the true next word. Captions have different
            lengths and are padded with `<NULL>`; those positions must not count, so the
            loss takes a boolean `mask` of the positions that do. The loss is summed over
            time and averaged over the minibatch. This too is given
            (`temporal_softmax_loss` in `cs231n/rnn_layers.py`): read it, since your model
            will use it with a mask. Run the checks below: the three losses should be close
            to 2.3, 23 and 2.3, and the gradient error around `1e-7` or less.
            '''),
        code('''
            # Sanity check for temporal softmax loss
            from cs231n.rnn_layers import temporal_softmax_loss

            N, T, V = 100, 1, 10

            def check_loss(N, T, V, p):
                x = 0.001 * np.random.randn(N, T, V)
                y = np.random.randint(V, size=(N, T))
                mask = np.random.rand(N, T) <= p
                print(temporal_softmax_loss(x, y, mask)[0])

            check_loss(100, 1, 10, 1.0)   # Should be about 2.3
            check_loss(100, 10, 10, 1.0)  # Should be about 23
            check_loss(5000, 10, 10, 0.1) # Should be about 2.3

            # Gradient check for temporal softmax loss
            N, T, V = 7, 8, 9

            x = np.random.randn(N, T, V)
            y = np.random.randint(V, size=(N, T))
            mask = (np.random.rand(N, T) > 0.5)

            loss, dx = temporal_softmax_loss(x, y, mask, verbose=False)

            dx_num = eval_numerical_gradient(lambda x: temporal_softmax_loss(x, y, mask)[0], x, verbose=False)

            print('dx error: ', rel_error(dx, dx_num))
            '''),
    ], public_tests('temporal_softmax_loss'))

    # rnn_loss -----------------------------------------------------------------------
    cells += [md('''
        # RNN for image captioning
        Now that you have the layers, combine them into an image captioning model. Open
        `cs231n/classifiers/rnn.py` and look at the `CaptioningRNN` class.
        ''')]
    cells += question('rnn_loss', [
        md('''
            ## Captioning model: loss and gradients
            Implement the forward and backward pass of the model in `CaptioningRNN.loss`
            (for now only `cell_type='rnn'`): project the image features to the initial
            hidden state, embed the input words (`captions[:, :-1]`), run the RNN, score the
            vocabulary at every timestep and compute the temporal softmax loss against the
            next words (`captions[:, 1:]`), ignoring `<NULL>` targets; then backpropagate
            through all of it into `grads`.

            You should see a difference around `1e-10` or less between your loss and the
            expected loss.
            '''),
        code('''
            N, D, W, H = 10, 20, 30, 40
            word_to_idx = {'<NULL>': 0, 'cat': 2, 'dog': 3}
            V = len(word_to_idx)
            T = 13

            model = CaptioningRNN(word_to_idx,
                      input_dim=D,
                      wordvec_dim=W,
                      hidden_dim=H,
                      cell_type='rnn',
                      dtype=np.float64)

            # Set all model parameters to fixed values
            for k, v in model.params.items():
                model.params[k] = np.linspace(-1.4, 1.3, num=v.size).reshape(*v.shape)

            features = np.linspace(-1.5, 0.3, num=(N * D)).reshape(N, D)
            captions = (np.arange(N * T) % V).reshape(N, T)

            loss, grads = model.loss(features, captions)
            expected_loss = 9.83235591003

            print('loss: ', loss)
            print('expected loss: ', expected_loss)
            print('difference: ', abs(loss - expected_loss))
            '''),
        md('''
            Run the following cell to perform numeric gradient checking on the
            `CaptioningRNN` class; you should see errors around `5e-6` or less.
            '''),
        code('''
            np.random.seed(231)

            batch_size = 2
            timesteps = 3
            input_dim = 4
            wordvec_dim = 5
            hidden_dim = 6
            word_to_idx = {'<NULL>': 0, 'cat': 2, 'dog': 3}
            vocab_size = len(word_to_idx)

            captions = np.random.randint(vocab_size, size=(batch_size, timesteps))
            features = np.random.randn(batch_size, input_dim)

            model = CaptioningRNN(word_to_idx,
                      input_dim=input_dim,
                      wordvec_dim=wordvec_dim,
                      hidden_dim=hidden_dim,
                      cell_type='rnn',
                      dtype=np.float64,
                    )

            loss, grads = model.loss(features, captions)

            for param_name in sorted(grads):
                f = lambda _: model.loss(features, captions)[0]
                param_grad_num = eval_numerical_gradient(f, model.params[param_name], verbose=False, h=1e-6)
                e = rel_error(param_grad_num, grads[param_name])
                print('%s relative error: %e' % (param_name, e))
            '''),
    ], public_tests('rnn_loss'))

    cells += overfit_cells('rnn', 512, 0.1)

    # rnn_sample ---------------------------------------------------------------------
    cells += question('rnn_sample', [
        md('''
            # Test-time sampling
            At test time there is no caption to feed in: the model starts from `<START>`,
            and at each timestep feeds back the word it just chose. Implement
            `CaptioningRNN.sample` for greedy sampling (pick the highest-scoring word at
            every step). The first column of the result is the first sampled word (not
            `<START>`). You do not need to stop generating after an `<END>` token is
            sampled, but you can if you want to: each caption is checked up to and
            including its first `<END>`.

            The samples of the overfit model below should be good on training images
            and poor on validation images (it has seen only 50 captions).
            '''),
        code(show_samples('small_rnn', 'small_data'), tags=IGNORE),
    ], public_tests('rnn_sample'))

    cells += full_training_cells('rnn')[:1] + [train_settings('rnn')] + full_training_cells('rnn')[1:]
    cells += [code(show_samples('full_rnn', 'data'), tags=IGNORE)]

    cells += manual_question('rnn_inline_question_1', '''
        ## Inline Question 1

        Our captioning model predicts one **word** per timestep. One could instead predict
        one **character** per timestep (letters, digits, spaces and punctuation): the input
        at each step is the previous character and the output is a distribution over the
        next one. Give one advantage and one disadvantage of a character-level captioning
        model compared with our word-level one.
        ''', '''
        **Answer.** *Advantage:* the vocabulary is tiny (a few dozen symbols), so the
        embedding and output layers are small and cheap, and there are no out-of-vocabulary
        words: the model can spell rare words, names or new word forms instead of writing
        `<UNK>`. *Disadvantage:* sequences become several times longer (one step per
        character), so training and sampling are slower, and the dependencies the model has
        to learn span many more timesteps (to keep a sentence coherent it must remember
        what it wrote tens of steps ago), which is harder with vanishing gradients; it can
        also produce misspelled, non-existent words.
        ''')

    cells += [md(SUBMIT)]
    write_notebook('RNN_Captioning.ipynb', cells)


# ------------------------------------------------------------------------------------
# Part 2: LSTM_Captioning.ipynb
# ------------------------------------------------------------------------------------

def lstm_notebook():
    cells = [
        config_cell(),
        md('''
            # Image Captioning with LSTMs
            In the previous notebook you implemented a vanilla RNN and used it for image
            captioning. In this notebook you will implement the LSTM update rule and use it
            for the same task. As before, your code goes into `cs231n/rnn_layers.py` and
            `cs231n/classifiers/rnn.py`; `grader.check("<question>")` runs the public tests
            of a question.
            '''),
        code(SETUP),
        md(DATA_INTRO.replace('## The captioning data', '## Load the captioning data')),
        code(LOAD, tags=IGNORE),
        md('''
            ## Look at the data
            A few training scenes with one of their captions:
            '''),
        code(LOOK, tags=IGNORE),
        md('''
            # LSTM
            Vanilla RNNs are hard to train on long sequences: repeated multiplication by the
            same recurrent matrix makes gradients explode or vanish as they flow back in
            time. LSTMs (long short-term memory networks) fix this with a different update
            rule that keeps a separate cell state, changed only by elementwise gates.

            Like the vanilla RNN, at each timestep the LSTM receives an input
            $x_t\\in\\mathbb{R}^D$ and the previous hidden state $h_{t-1}\\in\\mathbb{R}^H$;
            it also keeps an $H$-dimensional *cell state* $c_{t-1}\\in\\mathbb{R}^H$. Its
            learnable parameters are an *input-to-hidden* matrix
            $W_x\\in\\mathbb{R}^{D\\times 4H}$, a *hidden-to-hidden* matrix
            $W_h\\in\\mathbb{R}^{H\\times 4H}$ and a *bias* $b\\in\\mathbb{R}^{4H}$.

            At each timestep we first compute an *activation vector*
            $a = x_t W_x + h_{t-1} W_h + b \\in\\mathbb{R}^{4H}$ and split it into four
            blocks of $H$ entries, $a_i, a_f, a_o, a_g$, in this order. From them we compute
            the *input gate* $i = \\sigma(a_i)$, the *forget gate* $f = \\sigma(a_f)$, the
            *output gate* $o = \\sigma(a_o)$ and the *block input* $g = \\tanh(a_g)$, where
            $\\sigma$ is the logistic sigmoid. Finally

            $$c_t = f\\odot c_{t-1} + i\\odot g \\hspace{4pc} h_t = o\\odot\\tanh(c_t)$$

            where $\\odot$ is the elementwise product. The initial cell state is zero.

            In code we work on minibatches, with row vectors: $X_t\\in\\mathbb{R}^{N\\times D}$
            and $A = X_t W_x + H_{t-1} W_h + b \\in\\mathbb{R}^{N\\times 4H}$.
            '''),
    ]

    cells += question('lstm_step_forward', [
        md('''
            # LSTM: step forward
            Implement `lstm_step_forward` in `cs231n/rnn_layers.py`: one timestep of the
            LSTM as described above (use the numerically stable `sigmoid` given in the
            same file). Store in the cache what the backward pass will need.

            You should see errors around `1e-8` or less.
            '''),
        code('''
            N, D, H = 3, 4, 5
            x = np.linspace(-0.4, 1.2, num=N*D).reshape(N, D)
            prev_h = np.linspace(-0.3, 0.7, num=N*H).reshape(N, H)
            prev_c = np.linspace(-0.4, 0.9, num=N*H).reshape(N, H)
            Wx = np.linspace(-2.1, 1.3, num=4*D*H).reshape(D, 4 * H)
            Wh = np.linspace(-0.7, 2.2, num=4*H*H).reshape(H, 4 * H)
            b = np.linspace(0.3, 0.7, num=4*H)

            next_h, next_c, cache = lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)

            expected_next_h = np.asarray([
                [ 0.24635157,  0.28610883,  0.32240467,  0.35525807,  0.38474904],
                [ 0.49223563,  0.55611431,  0.61507696,  0.66844003,  0.7159181 ],
                [ 0.56735664,  0.66310127,  0.74419266,  0.80889665,  0.858299  ]])
            expected_next_c = np.asarray([
                [ 0.32986176,  0.39145139,  0.451556,    0.51014116,  0.56717407],
                [ 0.66382255,  0.76674007,  0.87195994,  0.97902709,  1.08751345],
                [ 0.74192008,  0.90592151,  1.07717006,  1.25120233,  1.42395676]])

            print('next_h error: ', rel_error(expected_next_h, next_h))
            print('next_c error: ', rel_error(expected_next_c, next_c))
            '''),
    ], public_tests('lstm_step_forward'))

    cells += question('lstm_step_backward', [
        md('''
            # LSTM: step backward
            Implement `lstm_step_backward` in `cs231n/rnn_layers.py`: the gradients of one
            LSTM step with respect to its input, previous hidden and cell states, and
            parameters, given the upstream gradients of `next_h` and `next_c`. Remember
            that `next_c` reaches the loss both directly and through `next_h`.

            You should see errors around `1e-6` or less.
            '''),
        code('''
            np.random.seed(231)

            N, D, H = 4, 5, 6
            x = np.random.randn(N, D)
            prev_h = np.random.randn(N, H)
            prev_c = np.random.randn(N, H)
            Wx = np.random.randn(D, 4 * H)
            Wh = np.random.randn(H, 4 * H)
            b = np.random.randn(4 * H)

            next_h, next_c, cache = lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)

            dnext_h = np.random.randn(*next_h.shape)
            dnext_c = np.random.randn(*next_c.shape)

            fx_h = lambda x: lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)[0]
            fh_h = lambda h: lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)[0]
            fc_h = lambda c: lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)[0]
            fWx_h = lambda Wx: lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)[0]
            fWh_h = lambda Wh: lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)[0]
            fb_h = lambda b: lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)[0]

            fx_c = lambda x: lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)[1]
            fh_c = lambda h: lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)[1]
            fc_c = lambda c: lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)[1]
            fWx_c = lambda Wx: lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)[1]
            fWh_c = lambda Wh: lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)[1]
            fb_c = lambda b: lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b)[1]

            num_grad = eval_numerical_gradient_array

            dx_num = num_grad(fx_h, x, dnext_h) + num_grad(fx_c, x, dnext_c)
            dh_num = num_grad(fh_h, prev_h, dnext_h) + num_grad(fh_c, prev_h, dnext_c)
            dc_num = num_grad(fc_h, prev_c, dnext_h) + num_grad(fc_c, prev_c, dnext_c)
            dWx_num = num_grad(fWx_h, Wx, dnext_h) + num_grad(fWx_c, Wx, dnext_c)
            dWh_num = num_grad(fWh_h, Wh, dnext_h) + num_grad(fWh_c, Wh, dnext_c)
            db_num = num_grad(fb_h, b, dnext_h) + num_grad(fb_c, b, dnext_c)

            dx, dh, dc, dWx, dWh, db = lstm_step_backward(dnext_h, dnext_c, cache)

            print('dx error: ', rel_error(dx_num, dx))
            print('dh error: ', rel_error(dh_num, dh))
            print('dc error: ', rel_error(dc_num, dc))
            print('dWx error: ', rel_error(dWx_num, dWx))
            print('dWh error: ', rel_error(dWh_num, dWh))
            print('db error: ', rel_error(db_num, db))
            '''),
    ], public_tests('lstm_step_backward'))

    cells += question('lstm_forward', [
        md('''
            # LSTM: forward
            Implement `lstm_forward` in `cs231n/rnn_layers.py`: run the LSTM forward over a
            whole sequence by calling `lstm_step_forward` at every timestep. The initial
            cell state is zero; only the hidden states are returned.

            You should see an error around `1e-7` or less.
            '''),
        code('''
            N, D, H, T = 2, 5, 4, 3
            x = np.linspace(-0.4, 0.6, num=N*T*D).reshape(N, T, D)
            h0 = np.linspace(-0.4, 0.8, num=N*H).reshape(N, H)
            Wx = np.linspace(-0.2, 0.9, num=4*D*H).reshape(D, 4 * H)
            Wh = np.linspace(-0.3, 0.6, num=4*H*H).reshape(H, 4 * H)
            b = np.linspace(0.2, 0.7, num=4*H)

            h, cache = lstm_forward(x, h0, Wx, Wh, b)

            expected_h = np.asarray([
             [[ 0.01764008,  0.01823233,  0.01882671,  0.0194232 ],
              [ 0.11287491,  0.12146228,  0.13018446,  0.13902939],
              [ 0.31358768,  0.33338627,  0.35304453,  0.37250975]],
             [[ 0.45767879,  0.4761092,   0.4936887,   0.51041945],
              [ 0.6704845,   0.69350089,  0.71486014,  0.7346449 ],
              [ 0.81733511,  0.83677871,  0.85403753,  0.86935314]]])

            print('h error: ', rel_error(expected_h, h))
            '''),
    ], public_tests('lstm_forward'))

    cells += question('lstm_backward', [
        md('''
            # LSTM: backward
            Implement `lstm_backward` in `cs231n/rnn_layers.py`: backpropagation through
            time for the whole sequence, calling `lstm_step_backward` at each timestep from
            the last to the first, carrying the gradients of both the hidden and the cell
            state.

            You should see errors around `1e-7` or less (`dWh` may show a few `1e-6`: with
            these inputs one of its entries is tiny, and the numerical gradient itself is
            off by more than that relative amount).
            '''),
        code('''
            from cs231n.rnn_layers import lstm_forward, lstm_backward
            np.random.seed(231)

            N, D, T, H = 2, 3, 10, 6

            x = np.random.randn(N, T, D)
            h0 = np.random.randn(N, H)
            Wx = np.random.randn(D, 4 * H)
            Wh = np.random.randn(H, 4 * H)
            b = np.random.randn(4 * H)

            out, cache = lstm_forward(x, h0, Wx, Wh, b)

            dout = np.random.randn(*out.shape)

            dx, dh0, dWx, dWh, db = lstm_backward(dout, cache)

            fx = lambda x: lstm_forward(x, h0, Wx, Wh, b)[0]
            fh0 = lambda h0: lstm_forward(x, h0, Wx, Wh, b)[0]
            fWx = lambda Wx: lstm_forward(x, h0, Wx, Wh, b)[0]
            fWh = lambda Wh: lstm_forward(x, h0, Wx, Wh, b)[0]
            fb = lambda b: lstm_forward(x, h0, Wx, Wh, b)[0]

            dx_num = eval_numerical_gradient_array(fx, x, dout)
            dh0_num = eval_numerical_gradient_array(fh0, h0, dout)
            dWx_num = eval_numerical_gradient_array(fWx, Wx, dout)
            dWh_num = eval_numerical_gradient_array(fWh, Wh, dout)
            db_num = eval_numerical_gradient_array(fb, b, dout)

            print('dx error: ', rel_error(dx_num, dx))
            print('dh0 error: ', rel_error(dh0_num, dh0))
            print('dWx error: ', rel_error(dWx_num, dWx))
            print('dWh error: ', rel_error(dWh_num, dWh))
            print('db error: ', rel_error(db_num, db))
            '''),
    ], public_tests('lstm_backward'))

    cells += [md('''
        # LSTM captioning model
        Now that you have the LSTM layers, update `CaptioningRNN.loss` and
        `CaptioningRNN.sample` in `cs231n/classifiers/rnn.py` so that they also work when
        `self.cell_type` is `'lstm'` (a few lines each).
        ''')]
    cells += question('lstm_loss', [
        md('''
            ## LSTM captioning model: loss
            With `cell_type='lstm'`, the loss below should differ from the expected loss by
            about `1e-10` or less.
            '''),
        code('''
            N, D, W, H = 10, 20, 30, 40
            word_to_idx = {'<NULL>': 0, 'cat': 2, 'dog': 3}
            V = len(word_to_idx)
            T = 13

            model = CaptioningRNN(word_to_idx,
                      input_dim=D,
                      wordvec_dim=W,
                      hidden_dim=H,
                      cell_type='lstm',
                      dtype=np.float64)

            # Set all model parameters to fixed values
            for k, v in model.params.items():
              model.params[k] = np.linspace(-1.4, 1.3, num=v.size).reshape(*v.shape)

            features = np.linspace(-0.5, 1.7, num=N*D).reshape(N, D)
            captions = (np.arange(N * T) % V).reshape(N, T)

            loss, grads = model.loss(features, captions)
            expected_loss = 9.82445935443

            print('loss: ', loss)
            print('expected loss: ', expected_loss)
            print('difference: ', abs(loss - expected_loss))
            '''),
    ], public_tests('lstm_loss'))

    cells += overfit_cells('lstm', 512, 0.5)

    cells += question('lstm_sample', [
        md('''
            # LSTM test-time sampling
            Update `CaptioningRNN.sample` for `cell_type='lstm'` (keep a cell state next to
            the hidden state, starting at zero). The overfit model's samples should again be
            good on training images and poor on validation images.
            '''),
        code(show_samples('small_lstm', 'small_data'), tags=IGNORE),
    ], public_tests('lstm_sample'))

    cells += full_training_cells('lstm')[:1] + [train_settings('lstm')] + full_training_cells('lstm')[1:]
    cells += [code(show_samples('full_lstm', 'data'), tags=IGNORE)]
    cells += [
        md('''
            ## Evaluating the captions: BLEU
            Looking at a few pictures is not a measurement. A standard score for generated
            text is BLEU (Papineni et al., 2002), which counts how many words of a generated
            caption appear in the human reference captions of the same image, with a penalty
            for captions that are too short. `cs231n/bleu.py` (given) computes the unigram
            version: each validation image gets one greedy caption, scored against *all* the
            reference captions of that image, and the scores are averaged. A score of 1
            means every generated word appears in a reference caption. A well-trained LSTM
            on the shipped data scores above 0.5 on the validation split.
            '''),
        code('''
            from cs231n.bleu import evaluate_bleu

            train_bleu = evaluate_bleu(full_lstm_model, data, 'train', max_items=1000)
            val_bleu = evaluate_bleu(full_lstm_model, data, 'val')
            print('Average unigram BLEU on training images: %.4f' % train_bleu)
            print('Average unigram BLEU on validation images: %.4f' % val_bleu)
            ''', tags=IGNORE),
    ]

    cells += manual_question('lstm_inline_question_1', '''
        ## Inline Question 1

        Explain, in a few sentences, why an LSTM can carry information over many more
        timesteps than a vanilla RNN. Refer to how the gradient of the loss flows back from
        $c_t$ to $c_{t-1}$ in an LSTM and from $h_t$ to $h_{t-1}$ in a vanilla RNN, and say
        what role the forget gate plays.
        ''', '''
        **Answer.** In a vanilla RNN, $h_t = \\tanh(x_t W_x + h_{t-1} W_h + b)$, so the
        gradient from $h_t$ to $h_{t-1}$ is multiplied at every step by $W_h^T$ and by the
        tanh derivative ($\\le 1$). Over many steps this product of the same matrix makes the
        gradient shrink (largest singular value below 1, saturated tanh) or blow up (above
        1) exponentially, so the loss at late timesteps hardly trains what happened early.
        In an LSTM, $c_t = f\\odot c_{t-1} + i\\odot g$: the gradient flows from $c_t$ to
        $c_{t-1}$ through an elementwise multiplication by the forget gate $f$ only, with no
        weight matrix and no squashing nonlinearity on that path (an additive "highway").
        When the network keeps $f$ close to 1 the gradient (and the stored information)
        passes through many timesteps almost unchanged; the gates, which depend on the
        input, learn when to keep, overwrite or expose the memory. So the cell state is a
        much better long-term memory, and the LSTM suffers far less from vanishing
        gradients (exploding gradients are still handled by clipping).
        ''')

    cells += [md(SUBMIT)]
    write_notebook('LSTM_Captioning.ipynb', cells)


if __name__ == '__main__':
    rnn_notebook()
    lstm_notebook()
