"""Grammar slips caught by guarded patterns: "could of been", never a guess."""
