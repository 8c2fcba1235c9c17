"""Page contexts: everything one page needs, computed from the catalogue, with no markup."""
