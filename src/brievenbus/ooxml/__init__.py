"""Step 4, build: paragraphs → a Word document (OOXML package) on the house style."""
