# target: lenet_torch
# why: flattens in channels-last order (moves the channel axis to the end first), not the (C, H, W) order
# why_es: aplana en orden canales al final (mueve antes el eje de canal al final), no en el orden (C, H, W)
# %% [lenet]
def lenet(x, params):
    h = max_pool2d(np.maximum(conv2d(x, params["w1"], params["b1"]), 0.0), 2)
    h = max_pool2d(np.maximum(conv2d(h, params["w2"], params["b2"]), 0.0), 2)
    plano = np.transpose(h, (0, 2, 3, 1)).reshape(h.shape[0], -1)
    return plano @ params["w3"] + params["b3"]
