"""Date and number formats per interface language (FORMAT_MODULE_PATH), on top of Django's own.

Templates name formats (`|date:"DATE_FORMAT"`), never spell them, so each language gets its own conventions:
English, French and Spanish keep the portal's UN style ("3 December 2026"); Arabic, Chinese and Russian use
Django's formats for their language, with CLDR's number separators where Django's differ from them.
"""
