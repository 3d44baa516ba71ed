"""Reports made from feedback: the Local Account chapter and the CQC evidence pack."""
