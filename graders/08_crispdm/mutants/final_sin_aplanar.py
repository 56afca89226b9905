# target: final_receta, final_90, final_95, final_97
# why: a dense network written for rows of 64 pixels, without nn.Flatten, fed (N, 1, 8, 8) images
# why_es: una red densa escrita para filas de 64 píxeles, sin nn.Flatten, alimentada con imágenes (N, 1, 8, 8)
# %% [final]
def modelo_final():
    return nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))


def receta_final():
    return {"optimizador": "adam", "lr": 0.01, "tam_lote": 32}
