/** Node decodes no images: sync tests keep a slide's image as its thumbnail (the browser tests make real ones). */
export const sameImage = async (image: Blob): Promise<Blob> => image;
