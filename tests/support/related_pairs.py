"""The issue's related-form examples, shared by the library and journal search tests."""

# (language, a form, a related form): each search must find the other one.
PAIRS = [
    ("en", "hope", "hopeless"),
    ("en", "anxious", "anxiety"),
    ("en", "worried", "worry"),
    ("en", "supportive", "support"),
    ("en", "lonely", "loneliness"),
    ("ar", "حزين", "حزن"),
    ("ar", "خائف", "خوف"),
    ("ar", "مساعد", "مساعدة"),
    ("ar", "ساعد", "مساعدة"),
    ("ar", "قلقة", "قلق"),
    ("ar", "وحيد", "وحدة"),
]
