import os
import subprocess
import sys
import tempfile

# A fresh interpreter that imports Keras as a reader would, without choosing a backend:
# no KERAS_BACKEND, and an empty KERAS_HOME so no keras.json from an earlier run decides.
env = {k: v for k, v in os.environ.items() if k != "KERAS_BACKEND"}
with tempfile.TemporaryDirectory() as keras_home:
    env["KERAS_HOME"] = keras_home
    run = subprocess.run([sys.executable, "-c", "import keras"], env=env, capture_output=True, text=True)
    print("exit status:", run.returncode)
    print("last line:", run.stderr.strip().splitlines()[-1])

