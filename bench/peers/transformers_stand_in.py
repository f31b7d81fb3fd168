"""A stand-in for transformers, for recording pipeline runs without it: the
module and its submodules resolve every name to an empty class, enough for
diffusers' pipeline modules to import. Pipelines then run with
text_encoder=None and prompt embeddings recorded from transformers."""
import importlib.machinery
import sys
import types


class StandIn:  # transformers and its submodules as names only: no text encoder runs
    def find_spec(self, name, path=None, target=None):
        if name == "transformers" or name.startswith("transformers."):
            return importlib.machinery.ModuleSpec(name, self, is_package=True)
        return None

    def create_module(self, spec):
        module = types.ModuleType(spec.name)
        module.__path__ = []
        module.__getattr__ = lambda attr: type(attr, (), {})
        return module

    def exec_module(self, module):
        pass


sys.meta_path.insert(0, StandIn())
