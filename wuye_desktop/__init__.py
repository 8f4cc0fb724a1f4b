"""物业服务台: the desktop program of a property-management company's service desk."""

__version__ = "0.1.0"
