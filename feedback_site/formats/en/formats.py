DATE_FORMAT = "j F Y"  # 1 March 2025
