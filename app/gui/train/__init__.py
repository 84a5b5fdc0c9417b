"""The Train page's tabs: views, controllers, the training child process and its metrics."""
