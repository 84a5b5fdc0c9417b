"""The model host: one thread owns the loaded model; everything else sends it requests.

See CONTRACT.md beside this file for the API Chat, Server and Evaluate build on."""
from ..chat.backends import GenerationStats, LoadOptions
from .host import EVENTS, HostBusy, HostClosed, HostRequest, ModelHost, ModelInfo

__all__ = ["EVENTS", "GenerationStats", "HostBusy", "HostClosed", "HostRequest", "LoadOptions", "ModelHost",
           "ModelInfo"]
