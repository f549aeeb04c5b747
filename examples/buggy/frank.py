"""Frank's fooling image (Part 3): his loop fools the model, but he returns the input image
``X`` instead of the fooling image he made (the course asks for a new image close to X)."""

BREAK = {"cs231n/net_visualization.py": ("    X_fooling = X_var.numpy()", "    X_fooling = X")}
