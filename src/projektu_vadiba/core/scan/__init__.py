"""Reading signed attendance sheets back from scans and photos.

`marks` (the QR payload and marker positions) is plain Python and is also used when printing; `reader`,
`pdf_pages` and `service` load OpenCV, zxing-cpp and numpy, and are imported only when a scan is read.
"""
