"""Links: finding every link-like thing in a document and scoring it for spam."""
