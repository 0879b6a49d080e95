print("planbook")
