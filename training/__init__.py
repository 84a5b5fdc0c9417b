"""Training tools (vocabulary expansion, datasets, LoRA PT/SFT), built on ``engine``; runnable headless."""
