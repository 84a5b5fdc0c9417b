"""Data files: catalog, icons, style sheets, translations. No code beyond locating them."""
from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent
