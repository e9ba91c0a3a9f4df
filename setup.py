"""Builds govsim._core with the project's CMake build, for `pip install --no-build-isolation .`.

The CMake build folder is build-pip/cmake (GOVSIM_PIP_BUILD_DIR overrides it); it configures
without the GUI, the tests and the benchmarks, for the interpreter running pip.
"""

import glob
import os
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

SOURCE = os.path.abspath(os.path.dirname(__file__))
os.makedirs(os.path.join(SOURCE, "build-pip"), exist_ok=True)


class CMakeExtension(Extension):
    def __init__(self, name):
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        build = os.environ.get("GOVSIM_PIP_BUILD_DIR", os.path.join(SOURCE, "build-pip", "cmake"))
        generator = ["-G", "Ninja"] if shutil.which("ninja") else []
        subprocess.check_call([
            "cmake", "-S", SOURCE, "-B", build, *generator, "-DCMAKE_BUILD_TYPE=Release",
            "-DGOVSIM_BUILD_VIZ=OFF", "-DGOVSIM_BUILD_TESTS=OFF", "-DGOVSIM_BUILD_BENCH=OFF",
            "-DGOVSIM_BUILD_PYTHON=ON", f"-DGOVSIM_PYTHON_EXECUTABLE={sys.executable}"])
        subprocess.check_call(["cmake", "--build", build, "--target", "govsim_python",
                               "-j", str(os.cpu_count() or 1)])
        built = glob.glob(os.path.join(build, "python", "govsim", "_core*.so"))
        if not built:
            raise RuntimeError("CMake did not build govsim._core (are python3-dev and "
                               "pybind11-dev installed?)")
        target = self.get_ext_fullpath(ext.name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(built[0], target)


setup(
    packages=["govsim"],
    package_dir={"": "python"},
    ext_modules=[CMakeExtension("govsim._core")],
    cmdclass={"build_ext": CMakeBuild},
    options={"build": {"build_base": os.path.join("build-pip", "setuptools")},
             "egg_info": {"egg_base": "build-pip"}},
)
