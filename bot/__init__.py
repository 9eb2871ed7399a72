"""Question-answering bot for the Central Inspection Group's public notice."""
