"""The Directory tab: communities, buildings, units, households and owners."""

from wuye_desktop.ui.directory.tab import DirectoryTab

__all__ = ["DirectoryTab"]
