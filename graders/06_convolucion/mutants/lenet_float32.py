# target: lenet_torch
# why: computes the network in float32 (as frameworks do by default) and returns float32 logits instead of float64
# why_es: calcula la red en float32 (como los frameworks por omisión) y devuelve logits float32 en vez de float64
# %% [lenet]
def lenet(x, params):
    p = {k: np.asarray(v, dtype=np.float32) for k, v in params.items()}
    h = np.maximum(conv2d(np.asarray(x, dtype=np.float32), p["w1"], p["b1"]), 0.0).astype(np.float32)
    h = max_pool2d(h, 2).astype(np.float32)
    h = np.maximum(conv2d(h, p["w2"], p["b2"]), 0.0).astype(np.float32)
    h = max_pool2d(h, 2).astype(np.float32)
    plano = h.reshape(h.shape[0], -1)
    return plano @ p["w3"] + p["b3"]
