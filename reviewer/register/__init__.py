"""The encrypted register (SQLCipher under sqlite-utils): reports, vendors, reviews, currency, exports. No Qt."""
