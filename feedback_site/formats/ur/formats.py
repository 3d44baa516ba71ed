DATE_FORMAT = "j F Y"  # 1 مارچ 2025
