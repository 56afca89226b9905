# target: lenet_torch
# why: stores the reshaped dense bias back into params (params["b3"] = ...), changing the caller's dictionary
# why_es: guarda en params el sesgo denso con otra forma (params["b3"] = ...), cambiando el diccionario de quien llama
# %% [lenet]
def lenet(x, params):
    h = np.maximum(conv2d(x, params["w1"], params["b1"]), 0.0)
    h = max_pool2d(h, 2)
    h = np.maximum(conv2d(h, params["w2"], params["b2"]), 0.0)
    h = max_pool2d(h, 2)
    plano = h.reshape(h.shape[0], -1)
    params["b3"] = np.asarray(params["b3"], dtype=np.float64).reshape(1, -1)
    return plano @ params["w3"] + params["b3"]
