"""How each picture is drawn, with matplotlib. Imported only through `bot.pictures.drawing`, the
first time a picture is drawn (in the worker process), never at the bot's start."""
