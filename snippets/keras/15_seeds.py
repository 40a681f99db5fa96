import os

os.environ["KERAS_BACKEND"] = "torch"

import keras
import torch


def first_kernel_row():
    layer = keras.layers.LSTM(3)
    layer.build((None, None, 4))
    return layer.weights[0].value[0]  # kernel (H_in, 4 * H), row 0


torch.manual_seed(0)
a = first_kernel_row()
torch.manual_seed(0)
b = first_kernel_row()
print("torch.manual_seed(0) twice, same Keras weights:", torch.equal(a, b))

keras.utils.set_random_seed(0)
a, x_a = first_kernel_row(), torch.randn(2)
keras.utils.set_random_seed(0)
b, x_b = first_kernel_row(), torch.randn(2)
print("keras.utils.set_random_seed(0) twice, same Keras weights:", torch.equal(a, b))
print("... and the same torch.randn:", torch.equal(x_a, x_b))
