"""The indicators of a school year: their one definition (`definitions`) and their computation (`values`)."""
