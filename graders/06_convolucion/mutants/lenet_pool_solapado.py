# target: lenet_torch, lenet_curso
# why: pools with max_pool2d(h, 2, 1): 2x2 windows that overlap (stride 1) instead of the default stride 2
# why_es: hace pooling con max_pool2d(h, 2, 1): ventanas de 2x2 que se solapan (paso 1) en vez del paso 2 por omisión
# %% [lenet]
def lenet(x, params):
    h = np.maximum(conv2d(x, params["w1"], params["b1"]), 0.0)
    h = max_pool2d(h, 2, 1)
    h = np.maximum(conv2d(h, params["w2"], params["b2"]), 0.0)
    h = max_pool2d(h, 2, 1)
    plano = h.reshape(h.shape[0], -1)
    return plano @ np.asarray(params["w3"], dtype=np.float64) + np.asarray(params["b3"], dtype=np.float64)
