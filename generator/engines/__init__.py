"""Engine adapters: the only code that imports a site engine. The core hands them finished pages to place."""
