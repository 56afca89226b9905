# target: lenet_torch, lenet_curso
# why: forgets the ReLU after each convolution, so the network is linear up to the pooling
# why_es: olvida la ReLU después de cada convolución, así la red es lineal hasta el pooling
# %% [lenet]
def lenet(x, params):
    h = max_pool2d(conv2d(x, params["w1"], params["b1"]), 2)
    h = max_pool2d(conv2d(h, params["w2"], params["b2"]), 2)
    return h.reshape(h.shape[0], -1) @ params["w3"] + params["b3"]
