"""Dashboard, reports and exports pages under /insights/ (GOV.UK styled, no JavaScript needed)."""
