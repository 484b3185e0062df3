// PhotoIO: consultation photo decoding (PNG, JPEG, ICC) and PNG encoding for reports.
internal import CPhotoCodecs
