"""storyline: turn raw news pages about an evolving story into a sourced dossier."""

__version__ = "0.1.0"
