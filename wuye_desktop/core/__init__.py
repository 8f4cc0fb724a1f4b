"""The Qt-free core: domain rules and one service function per user action."""
