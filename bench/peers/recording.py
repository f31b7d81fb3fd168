"""What the pipeline recorders share. Imported before diffusers, it installs a
stand-in for transformers (not installed here): the module and its
submodules resolve every name to an empty class, enough for diffusers'
pipeline modules to import; pipelines then run with text_encoder=None and
prompt embeddings recorded from transformers. Also: the fixtures' tensors as
torch tensors, and the VAE posterior's draws kept as they are made."""
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


draws = []  # the noise of every draw the patched samplers make, in order


def keep_posterior_draws():
    """DiagonalGaussianDistribution.sample with its draw kept in `draws`."""
    import torch
    from diffusers.models.autoencoders import vae

    def sample(self, generator=None):
        eps = torch.randn(self.mean.shape, generator=generator)
        draws.append(eps.clone())
        return self.mean + self.std * eps

    vae.DiagonalGaussianDistribution.sample = sample


def read(extract, path):
    """A fixture file's tensors (the fixtures' reader) as torch tensors."""
    import torch
    return {k: torch.from_numpy(v.copy()) for k, v in extract.read(path).items()}
